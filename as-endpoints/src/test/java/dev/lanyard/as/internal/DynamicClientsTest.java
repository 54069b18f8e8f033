package dev.lanyard.as.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.lanyard.as.RegistrationSettings;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.store.DynamicClientRecord;
import dev.lanyard.grants.store.DynamicClientStore;
import dev.lanyard.grants.store.memory.InMemoryDynamicClientStore;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthException;

/**
 * Registrations without HTTP: the registration access token (RFC 7592), the update rules, deletion,
 * protected registration, the expiry of unused registrations and the bound on identical ones.
 */
class DynamicClientsTest {

    private static final Optional<String> JSON = Optional.of("application/json");
    private static final String PUBLIC = """
            {"redirect_uris": ["https://dcr.example.test/cb"], "token_endpoint_auth_method": "none",
             "client_name": "Tool", "software_id": "4NRB1-0XZABZI9E6-5SM3R", "software_version": "1.0"}""";
    private static final String SECRET = """
            {"redirect_uris": ["https://dcr.example.test/cb"], "token_endpoint_auth_method": "client_secret_basic"}""";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T10:00:00Z"));
    private final InMemoryDynamicClientStore store = new InMemoryDynamicClientStore(1000);
    private final DynamicClients clients = clients(new RegistrationSettings(true, 10));

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private DynamicClients clients(RegistrationSettings settings) {
        return new DynamicClients(settings, store, Scope.of("items:read"),
                id -> URI.create("https://as.example.test/register/" + id), clock);
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static String with(String json, String member, String valueJson) {
        return json.substring(0, json.lastIndexOf('}')) + ", \"" + member + "\": " + valueJson + "}";
    }

    private static String code(Runnable r) {
        return catchThrowableOfType(OAuthException.class, r::run).error().code();
    }

    @Test
    void registerThenTokenAndConfigurationUriIssuedAndOnlyHashesKept() {
        JsonObject r = clients.register(JSON, SECRET);
        String clientId = r.getString("client_id");
        String token = r.getString("registration_access_token");
        String secret = r.getString("client_secret");
        // RFC 7592 §3: the registration access token and the client configuration endpoint's URL
        assertThat(r.getString("registration_client_uri")).isEqualTo("https://as.example.test/register/" + clientId);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        DynamicClientRecord kept = store.find(clientId).orElseThrow();
        assertThat(kept.registrationTokenHash()).isNotEqualTo(token).startsWith("sha256:");
        assertThat(ClientSecrets.matches(token, kept.registrationTokenHash())).isTrue();
        assertThat(ClientSecrets.matches(secret, kept.client().secretHash().orElseThrow())).isTrue();
        assertThat(kept.metadata()).doesNotContain(secret).doesNotContain(token);
        assertThat(kept.isUsed()).isFalse();
    }

    @Test
    void registerWhenOpenThenAnyOfferedScopeWhenProtectedThenTheRegisteredOne() {
        DynamicClients open = new DynamicClients(new RegistrationSettings(true, 10), store,
                Scope.of("items:read", "items:write"), id -> URI.create("https://as.example.test/register/" + id), clock);
        String narrow = with(PUBLIC, "scope", "\"items:read\"");
        String openId = open.register(JSON, narrow).getString("client_id");
        // open registration: a step-up to items:write stays possible (consent decides)
        assertThat(store.find(openId).orElseThrow().client().scope()).isEqualTo(Scope.of("items:read", "items:write"));

        String iat = "initial-access-token-0123456789-abcdef";
        DynamicClients guarded = new DynamicClients(new RegistrationSettings(true, 10, List.of(ClientSecrets.hash(iat)),
                Duration.ofHours(24), 3, true), store, Scope.of("items:read", "items:write"),
                id -> URI.create("https://as.example.test/register/" + id), clock);
        guarded.requireInitialAccessToken(Optional.of(iat));
        String guardedId = guarded.register(JSON, narrow).getString("client_id");
        assertThat(store.find(guardedId).orElseThrow().client().scope()).isEqualTo(Scope.of("items:read"));
    }

    // RFC 7591 §3.2.1 / §2: the response shows the registered scope; a value the server does not offer is left out
    @Test
    void registerWhenScopeHasValuesNotOfferedThenTheResponseLeavesThemOut() {
        DynamicClients open = new DynamicClients(new RegistrationSettings(true, 10), store,
                Scope.of("items:read", "items:write"), id -> URI.create("https://as.example.test/register/" + id), clock);
        JsonObject r = open.register(JSON, with(PUBLIC, "scope", "\"items:read admin:all\""));
        assertThat(r.getString("scope")).isEqualTo("items:read");
        String token = r.getString("registration_access_token");
        assertThat(open.read(open.authorize(r.getString("client_id"), Optional.of(token)), token).getString("scope"))
                .isEqualTo("items:read");
        JsonObject none = open.register(JSON, with(PUBLIC, "scope", "\"admin:all\""));
        assertThat(none.containsKey("scope")).isFalse();
        JsonObject unasked = open.register(JSON, PUBLIC);
        assertThat(unasked.containsKey("scope")).isFalse();
    }

    @Test
    void authorizeWhenTokenWrongAbsentOrClientUnknownThenRefusedWithOrWithoutError() {
        JsonObject r = clients.register(JSON, PUBLIC);
        String clientId = r.getString("client_id");
        assertThat(clients.authorize(clientId, Optional.of(r.getString("registration_access_token"))).clientId())
                .isEqualTo(clientId);
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class,
                () -> clients.authorize(clientId, Optional.of("wrong"))).challenge())
                .isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class,
                () -> clients.authorize(clientId, Optional.empty())).challenge()).isEqualTo("Bearer");
        // RFC 7592 §2.1: an unknown client is 401 too
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class, () -> clients.authorize("nope",
                Optional.of(r.getString("registration_access_token")))).tokenSent()).isTrue();
    }

    // RFC 7592 §2, checklist RM-04: a registration access token used at another client's endpoint is 401 and revoked
    // INP (RFC 7591 §3.2.1, OAuth 2.1 Appendix A.1): a client id that was never issued here, with a NUL, a control
    // character or beyond the key column, is unknown without a query (a NUL fails a PostgreSQL store's query: a 500)
    @Test
    void authorizeOrFindWhenClientIdCannotBeIssuedThenUnknownWithoutAStoreQuery() {
        JsonObject a = clients.register(JSON, PUBLIC);
        Optional<String> tokenA = Optional.of(a.getString("registration_access_token"));
        List<String> asked = new java.util.ArrayList<>();
        DynamicClientStore recording = new DynamicClientStore() {
            @Override
            public void save(DynamicClientRecord registration) {
                store.save(registration);
            }

            @Override
            public Optional<DynamicClientRecord> find(String clientId) {
                asked.add(clientId);
                return store.find(clientId);
            }

            @Override
            public boolean delete(String clientId) {
                return store.delete(clientId);
            }

            @Override
            public boolean markUsed(String clientId, Instant at) {
                return store.markUsed(clientId, at);
            }

            @Override
            public List<DynamicClientRecord> findUnused(String fingerprint) {
                return store.findUnused(fingerprint);
            }

            @Override
            public int purgeUnused(Instant issuedBefore) {
                return store.purgeUnused(issuedBefore);
            }
        };
        DynamicClients guarded = new DynamicClients(new RegistrationSettings(true, 10), recording, Scope.of("items:read"),
                id -> URI.create("https://as.example.test/register/" + id), clock);
        for (String id : List.of("a\u0000b", a.getString("client_id") + "\u0000", "tab\tid", "", "x".repeat(256))) {
            assertThat(guarded.find(id)).isEmpty();
            assertThat(catchThrowableOfType(RegistrationTokenRefused.class, () -> guarded.authorize(id, tokenA))
                    .tokenSent()).isTrue();
            assertThat(catchThrowableOfType(RegistrationTokenRefused.class,
                    () -> guarded.authorize(a.getString("client_id"), Optional.of("a\u0000b.token"))).tokenSent())
                    .isTrue();
        }
        // the one id looked up is the well-formed owner that a token names
        assertThat(asked).containsOnly(a.getString("client_id"));
    }

    @Test
    void authorizeWhenAnotherClientsTokenThenRefusedAndThatTokenRevoked() {
        JsonObject a = clients.register(JSON, PUBLIC);
        JsonObject b = clients.register(JSON, SECRET);
        Optional<String> tokenA = Optional.of(a.getString("registration_access_token"));
        Optional<String> tokenB = Optional.of(b.getString("registration_access_token"));
        DynamicClientRecord bBefore = store.find(b.getString("client_id")).orElseThrow();
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class,
                () -> clients.authorize(b.getString("client_id"), tokenA)).tokenSent()).isTrue();
        assertThat(store.find(b.getString("client_id"))).contains(bBefore);
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class,
                () -> clients.authorize(a.getString("client_id"), tokenA)).tokenSent()).as("revoked").isTrue();
        assertThat(clients.find(a.getString("client_id"))).as("the client itself stays").isPresent();
        assertThat(clients.authorize(b.getString("client_id"), tokenB).clientId()).isEqualTo(b.getString("client_id"));
        // at an unknown client's endpoint too
        JsonObject c = clients.register(JSON, PUBLIC);
        Optional<String> tokenC = Optional.of(c.getString("registration_access_token"));
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class, () -> clients.authorize("nope", tokenC))
                .tokenSent()).isTrue();
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class,
                () -> clients.authorize(c.getString("client_id"), tokenC)).tokenSent()).isTrue();
        // a wrong token that merely names a client revokes nothing
        String forged = b.getString("client_id") + ".forged";
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class,
                () -> clients.authorize(a.getString("client_id"), Optional.of(forged))).tokenSent()).isTrue();
        assertThat(clients.authorize(b.getString("client_id"), tokenB).clientId()).isEqualTo(b.getString("client_id"));
    }

    // RFC 7592 §2.2 with RFC 7591 §2: an update is validated as a registration; nothing changes when it is refused
    @Test
    void updateWhenRedirectUrisWidenToUnsafeValuesThenInvalidRedirectUriAndNothingChanged() {
        JsonObject r = clients.register(JSON, SECRET);
        String clientId = r.getString("client_id");
        String token = r.getString("registration_access_token");
        DynamicClientRecord before = store.find(clientId).orElseThrow();
        for (String bad : List.of("javascript:alert(1)", "https://*.example.test/cb", "http://evil.example.test/cb",
                "data:text/html,x", "https://evil.example.test/cb#x")) {
            String update = with(with(SECRET.replace("\"https://dcr.example.test/cb\"",
                    "\"https://dcr.example.test/cb\", \"" + bad + "\""), "client_id", "\"" + clientId + "\""),
                    "client_secret", "\"" + r.getString("client_secret") + "\"");
            assertThat(code(() -> clients.update(before, token, JSON, update))).as(bad).isEqualTo("invalid_redirect_uri");
            assertThat(store.find(clientId)).as(bad).contains(before);
        }
        String grants = with(with(SECRET, "client_id", "\"" + clientId + "\""), "grant_types",
                "[\"authorization_code\", \"password\"]");
        assertThat(code(() -> clients.update(before, token, JSON, grants))).isEqualTo("invalid_client_metadata");
        assertThat(store.find(clientId)).contains(before);
    }

    @Test
    void readThenCurrentMetadataWithoutTheSecret() {
        JsonObject r = clients.register(JSON, SECRET);
        String token = r.getString("registration_access_token");
        DynamicClientRecord record = clients.authorize(r.getString("client_id"), Optional.of(token));
        JsonObject read = clients.read(record, token);
        assertThat(read.getString("client_id")).isEqualTo(r.getString("client_id"));
        assertThat(read.getString("token_endpoint_auth_method")).isEqualTo("client_secret_basic");
        assertThat(read.getJsonArray("redirect_uris").getString(0)).isEqualTo("https://dcr.example.test/cb");
        assertThat(read.containsKey("client_secret")).isFalse();
        assertThat(read.getInt("client_secret_expires_at")).isZero();
        assertThat(read.getString("registration_client_uri")).isEqualTo(r.getString("registration_client_uri"));
    }

    // RFC 7592 §2.2, an update MUST NOT carry what the server issues; one request each, no change applied
    @Test
    void updateWhenItCarriesAMemberTheServerIssuesThenInvalidRequestAndNothingChanged() {
        JsonObject r = clients.register(JSON, SECRET);
        String clientId = r.getString("client_id");
        String token = r.getString("registration_access_token");
        DynamicClientRecord before = store.find(clientId).orElseThrow();
        String update = with(SECRET.replace("dcr.example.test/cb", "dcr.example.test/changed"), "client_id",
                "\"" + clientId + "\"");
        for (String[] member : List.of(new String[] {"registration_access_token", "\"" + token + "\""},
                new String[] {"registration_client_uri", "\"" + r.getString("registration_client_uri") + "\""},
                new String[] {"client_secret_expires_at", "0"},
                new String[] {"client_id_issued_at", String.valueOf(r.getJsonNumber("client_id_issued_at"))})) {
            assertThat(code(() -> clients.update(before, token, JSON, with(update, member[0], member[1]))))
                    .as(member[0]).isEqualTo("invalid_request");
            assertThat(store.find(clientId)).as(member[0]).contains(before);
        }
        // client_id missing or another one; a client_secret that is not the current one
        assertThat(code(() -> clients.update(before, token, JSON, SECRET))).isEqualTo("invalid_request");
        assertThat(code(() -> clients.update(before, token, JSON, with(SECRET, "client_id", "\"other\""))))
                .isEqualTo("invalid_request");
        assertThat(code(() -> clients.update(before, token, JSON, with(update, "client_secret",
                "\"chosen-by-the-client-0123456789-abcdefgh\"")))).isEqualTo("invalid_request");
        assertThat(store.find(clientId)).contains(before);
        // the control: the same update without those members is applied, the secret kept
        JsonObject updated = clients.update(before, token, JSON, with(update, "client_secret",
                "\"" + r.getString("client_secret") + "\""));
        assertThat(updated.getJsonArray("redirect_uris").getString(0)).isEqualTo("https://dcr.example.test/changed");
        assertThat(updated.containsKey("client_secret")).isFalse();
        RegisteredClient after = store.find(clientId).orElseThrow().client();
        assertThat(after.redirectUris().get(0).value()).isEqualTo("https://dcr.example.test/changed");
        assertThat(after.secretHash()).isEqualTo(before.client().secretHash());
    }

    @Test
    void updateWhenAPublicClientBecomesConfidentialThenASecretIsIssuedOnce() {
        JsonObject r = clients.register(JSON, PUBLIC);
        String clientId = r.getString("client_id");
        String token = r.getString("registration_access_token");
        DynamicClientRecord record = store.find(clientId).orElseThrow();
        JsonObject updated = clients.update(record, token, JSON, with(SECRET, "client_id", "\"" + clientId + "\""));
        String secret = updated.getString("client_secret");
        assertThat(store.find(clientId).orElseThrow().client().authMethod())
                .isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(ClientSecrets.matches(secret, store.find(clientId).orElseThrow().client().secretHash()
                .orElseThrow())).isTrue();
    }

    // after deletion the client and its registration access token are unknown
    @Test
    void deleteThenClientUnknownAndTokenRefused() {
        JsonObject r = clients.register(JSON, SECRET);
        String clientId = r.getString("client_id");
        Optional<String> token = Optional.of(r.getString("registration_access_token"));
        clients.delete(clients.authorize(clientId, token));
        assertThat(clients.find(clientId)).isEmpty();
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class, () -> clients.authorize(clientId, token))
                .tokenSent()).isTrue();
    }

    // protected registration: a token only from the Authorization header, compared as a hash
    @Test
    void requireInitialAccessTokenWhenProtectedThenOnlyAConfiguredTokenPasses() {
        String iat = "initial-access-token-0123456789-abcdefgh";
        DynamicClients protectedClients = clients(new RegistrationSettings(true, 10, List.of(
                ClientSecrets.hash("another-initial-token-0123456789-abcdef"), ClientSecrets.hash(iat)),
                Duration.ofHours(24), 3, true));
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class,
                () -> protectedClients.requireInitialAccessToken(Optional.empty())).tokenSent()).isFalse();
        assertThat(catchThrowableOfType(RegistrationTokenRefused.class,
                () -> protectedClients.requireInitialAccessToken(Optional.of(iat + "x"))).tokenSent()).isTrue();
        protectedClients.requireInitialAccessToken(Optional.of(iat));
        clients.requireInitialAccessToken(Optional.empty()); // open registration
    }

    @Test
    void findWhenNoTokenWithinTheUnusedTtlThenDeletedButAUsedClientStays() {
        String unused = clients.register(JSON, PUBLIC).getString("client_id");
        String used = clients.register(JSON, SECRET).getString("client_id");
        clock.advance(Duration.ofHours(1));
        clients.issued(store.find(used).orElseThrow().client());
        assertThat(store.find(used).orElseThrow().firstTokenAt()).contains(clock.instant());
        clock.advance(Duration.ofHours(23).minusSeconds(1));
        assertThat(clients.find(unused)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(clients.find(unused)).isEmpty();
        assertThat(store.find(unused)).as("deleted, not just hidden").isEmpty();
        assertThat(clients.find(used)).isPresent();
    }

    @Test
    void purgeThenOnlyExpiredUnusedRegistrationsDeleted() {
        String old = clients.register(JSON, PUBLIC).getString("client_id");
        String used = clients.register(JSON, SECRET).getString("client_id");
        clients.issued(store.find(used).orElseThrow().client());
        clock.advance(Duration.ofHours(12));
        String young = clients.register(JSON, with(PUBLIC, "client_uri", "\"https://dcr.example.test\"")).getString(
                "client_id");
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertThat(clients.purge()).isEqualTo(1);
        assertThat(store.find(old)).isEmpty();
        assertThat(store.find(used)).isPresent();
        assertThat(store.find(young)).isPresent();
    }

    // identical registrations from the same software: at most N unused, the oldest gives way
    @Test
    void registerWhenIdenticalUnusedRegistrationsReachTheBoundThenTheOldestIsReplaced() {
        String reordered = """
                {"software_version": "1.0", "client_name": "Tool", "token_endpoint_auth_method": "none",
                 "software_id": "4NRB1-0XZABZI9E6-5SM3R", "redirect_uris": ["https://dcr.example.test/cb"]}""";
        String first = clients.register(JSON, PUBLIC).getString("client_id");
        clock.advance(Duration.ofSeconds(1));
        String second = clients.register(JSON, reordered).getString("client_id");
        clock.advance(Duration.ofSeconds(1));
        String usedOne = clients.register(JSON, PUBLIC).getString("client_id");
        clients.issued(store.find(usedOne).orElseThrow().client());
        clock.advance(Duration.ofSeconds(1));
        String third = clients.register(JSON, PUBLIC).getString("client_id");
        String otherSoftware = clients.register(JSON, PUBLIC.replace("5SM3R", "OTHER")).getString("client_id");
        assertThat(store.find(first)).as("three unused, none replaced yet").isPresent();
        clock.advance(Duration.ofSeconds(1));
        String fourth = clients.register(JSON, PUBLIC).getString("client_id");
        assertThat(store.find(first)).as("the oldest unused one gave way").isEmpty();
        for (String kept : List.of(second, third, fourth, usedOne, otherSoftware)) {
            assertThat(store.find(kept)).as(kept).isPresent();
        }
        String fingerprint = store.find(fourth).orElseThrow().fingerprint();
        assertThat(store.findUnused(fingerprint)).hasSize(3);
        assertThat(store.find(otherSoftware).orElseThrow().fingerprint()).isNotEqualTo(fingerprint);
    }

    @Test
    void fingerprintWhenMembersReorderedThenSameAndWhenValueDiffersThenNot() {
        assertThat(RegistrationJson.fingerprint(parse("{\"a\": 1, \"b\": {\"y\": [2, 1], \"x\": true}}")))
                .isEqualTo(RegistrationJson.fingerprint(parse("{\"b\": {\"x\": true, \"y\": [2, 1]}, \"a\": 1}")))
                .isNotEqualTo(RegistrationJson.fingerprint(parse("{\"b\": {\"x\": true, \"y\": [1, 2]}, \"a\": 1}")));
    }
}
