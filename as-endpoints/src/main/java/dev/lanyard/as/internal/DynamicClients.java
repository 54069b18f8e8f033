package dev.lanyard.as.internal;

import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import dev.lanyard.as.RegistrationSettings;
import dev.lanyard.cimd.dcr.RegistrationRequest;
import dev.lanyard.cimd.dcr.RegistrationValidator;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.ClientSource;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.client.RegisteredClientBuilder;
import dev.lanyard.grants.store.DynamicClientRecord;
import dev.lanyard.grants.store.DynamicClientStore;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.Vschar;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;

/**
 * Dynamically registered clients over a {@link DynamicClientStore}: registration (RFC 7591), the registration access
 * token and what it allows (RFC 7592), the expiry of unused registrations and the bound on identical ones. No HTTP.
 *
 * <ul>
 *   <li>The server issues {@code client_id}, a secret only for a {@code client_secret_*} method, and a registration
 *       access token; secret and token are kept as SHA-256 stored forms and compared in constant time.</li>
 *   <li>A registration that got no token within {@link RegistrationSettings#unusedTtl()} is deleted: when it is
 *       looked up, and by {@link #purge()}.</li>
 *   <li>At most {@link RegistrationSettings#maxUnusedPerSoftware()} unused registrations share a fingerprint (the
 *       canonical metadata, {@code software_id} included): a further identical registration deletes the oldest unused
 *       one, so that a client that registers anew on every start keeps working and the store stays bounded. The bound
 *       is checked before the insert, without a lock across nodes: registrations racing on several nodes may exceed
 *       it briefly; the next identical registration brings it back.</li>
 * </ul>
 */
final class DynamicClients {

    private static final SpecRef REGISTRATION = SpecRef.rfc(7591, "3.2.1");
    private static final SpecRef UPDATE = SpecRef.rfc(7592, "2.2");
    // RFC 7592 §2.2: an update MUST NOT carry these; the server issues them
    private static final List<String> NOT_IN_UPDATE = List.of("registration_access_token", "registration_client_uri",
            "client_secret_expires_at", "client_id_issued_at");
    private static final int USED_CACHE = 10_000;
    /** The longest client id the store keeps (its key column); those issued here are 43 characters. */
    private static final int MAX_CLIENT_ID_LENGTH = 255;

    private final RegistrationSettings settings;
    private final DynamicClientStore store;
    private final Scope defaultScope;
    private final Function<String, URI> configurationUri;
    private final Clock clock;
    private final RegistrationValidator validator = RegistrationValidator.create();
    private final Set<String> knownUsed = ConcurrentHashMap.newKeySet();

    /**
     * @param settings         the registration settings
     * @param store            where registrations are kept
     * @param defaultScope     the scope of a client that registers none
     * @param configurationUri the client configuration endpoint URL of a {@code client_id}
     * @param clock            the time source
     */
    DynamicClients(RegistrationSettings settings, DynamicClientStore store, Scope defaultScope,
            Function<String, URI> configurationUri, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.defaultScope = defaultScope;
        this.configurationUri = configurationUri;
        this.clock = clock;
    }

    /** Whether {@code bearer}, the token of a registration request, is one of the initial access tokens. */
    void requireInitialAccessToken(Optional<String> bearer) {
        if (!settings.isProtected()) {
            return;
        }
        if (bearer.isEmpty()) {
            throw new RegistrationTokenRefused(false);
        }
        boolean valid = false;
        for (String hash : settings.initialAccessTokenHashes()) {
            valid |= ClientSecrets.matches(bearer.get(), hash); // every hash compared: no early exit
        }
        if (!valid) {
            throw new RegistrationTokenRefused(true);
        }
    }

    /**
     * Registers the client of a request: the RFC 7591 §3.2.1 response with the RFC 7592 §3 members.
     *
     * @throws OAuthException the RFC 7591 §3.2.2 error
     */
    JsonObject register(Optional<String> contentType, String body) {
        RegistrationRequest request = validator.validate(contentType, body);
        Instant now = clock.instant();
        JsonObject metadata = request.metadata().toJson();
        String fingerprint = RegistrationJson.fingerprint(metadata);
        List<DynamicClientRecord> identical = store.findUnused(fingerprint);
        for (int i = 0; i <= identical.size() - settings.maxUnusedPerSoftware(); i++) {
            store.delete(identical.get(i).clientId()); // the oldest unused ones make room
        }
        String clientId = Randoms.token();
        Optional<String> secret = request.needsSecret() ? Optional.of(ClientSecrets.generate()) : Optional.empty();
        String token = clientId + "." + Randoms.token(); // names its client, so that a misuse can revoke it
        DynamicClientRecord record = new DynamicClientRecord(client(clientId, request, secret.map(ClientSecrets::hash)),
                metadata.toString(), ClientSecrets.hash(token), fingerprint, now, Optional.empty());
        store.save(record);
        return response(record, secret, token);
    }

    /** A registered client, unless unknown or expired unused (then deleted). */
    Optional<RegisteredClient> find(String clientId) {
        return live(clientId).map(DynamicClientRecord::client);
    }

    /**
     * The registration of {@code clientId} if {@code bearer} is its registration access token (RFC 7592 §2).
     *
     * @throws RegistrationTokenRefused when it is not, or the client does not exist (RFC 7592 §2.1: 401 then too)
     */
    DynamicClientRecord authorize(String clientId, Optional<String> bearer) {
        if (bearer.isEmpty()) {
            throw new RegistrationTokenRefused(false);
        }
        Optional<DynamicClientRecord> record = live(clientId);
        if (record.isEmpty()) {
            ClientSecrets.spendComparison(bearer.get());
            revokeIfAnothers(clientId, bearer.get());
            throw new RegistrationTokenRefused(true);
        }
        if (!ClientSecrets.matches(bearer.get(), record.get().registrationTokenHash())) {
            revokeIfAnothers(clientId, bearer.get());
            throw new RegistrationTokenRefused(true);
        }
        return record.get();
    }

    // RFC 7592 §2 with the checklist's RM-04 (as node-oidc-provider does): a registration access token presented at
    // another client's configuration endpoint is revoked; its client gets a new one only by registering again
    private void revokeIfAnothers(String clientId, String bearer) {
        int dot = bearer.indexOf('.');
        String owner = dot > 0 ? bearer.substring(0, dot) : null;
        if (owner == null || owner.equals(clientId) || !isIssuable(owner)) {
            return;
        }
        store.find(owner).filter(r -> ClientSecrets.matches(bearer, r.registrationTokenHash()))
                .ifPresent(r -> store.save(r.withRegistrationTokenHash(ClientSecrets.hash(Randoms.token()))));
    }

    /** The client information response (RFC 7592 §3) of an authorized read: the secret is not kept, not shown. */
    JsonObject read(DynamicClientRecord record, String token) {
        return response(record, Optional.empty(), token);
    }

    /**
     * Replaces the client's metadata (RFC 7592 §2.2); nothing changes when this throws.
     *
     * @throws OAuthException {@code invalid_request} for a member the server issues, a {@code client_id} that differs
     *                        or a {@code client_secret} that is not the current one; else the RFC 7591 §3.2.2 error
     */
    JsonObject update(DynamicClientRecord record, String token, Optional<String> contentType, String body) {
        RegistrationRequest request = validator.validate(contentType, body);
        JsonObject sent = parse(body);
        for (String member : NOT_IN_UPDATE) {
            if (sent.containsKey(member)) {
                throw OAuthException.invalidRequest(member + " must not be sent in an update", UPDATE);
            }
        }
        if (!(sent.get("client_id") instanceof JsonString id) || !id.getString().equals(record.clientId())) {
            throw OAuthException.invalidRequest("client_id must be sent and be the client's own", UPDATE);
        }
        Optional<String> oldHash = record.client().secretHash();
        if (sent.containsKey("client_secret") && (!(sent.get("client_secret") instanceof JsonString s)
                || oldHash.isEmpty() || !ClientSecrets.matches(s.getString(), oldHash.get()))) {
            // RFC 7592 §2.2: a client_secret sent MUST match the current one; the client never chooses it
            throw OAuthException.invalidRequest("client_secret is not the client's current secret", UPDATE);
        }
        Optional<String> newSecret = request.needsSecret() && oldHash.isEmpty()
                ? Optional.of(ClientSecrets.generate()) : Optional.empty();
        Optional<String> hash = request.needsSecret() ? newSecret.map(ClientSecrets::hash).or(() -> oldHash)
                : Optional.empty();
        JsonObject metadata = request.metadata().toJson();
        DynamicClientRecord updated = record.withClient(client(record.clientId(), request, hash), metadata.toString(),
                RegistrationJson.fingerprint(metadata));
        store.save(updated);
        return response(updated, newSecret, token);
    }

    /** Deletes the client (RFC 7592 §2.3): its credentials stop working at once. */
    void delete(DynamicClientRecord record) {
        store.delete(record.clientId());
        knownUsed.remove(record.clientId());
    }

    /** Records that a token was issued to {@code client}, the first time only. */
    void issued(RegisteredClient client) {
        if (client.source() != ClientSource.DCR || knownUsed.contains(client.clientId())) {
            return;
        }
        store.markUsed(client.clientId(), clock.instant());
        if (knownUsed.size() >= USED_CACHE) {
            knownUsed.clear();
        }
        knownUsed.add(client.clientId());
    }

    /** Deletes the registrations that expired unused; returns how many. */
    int purge() {
        return store.purgeUnused(clock.instant().minus(settings.unusedTtl()));
    }

    private Optional<DynamicClientRecord> live(String clientId) {
        if (!isIssuable(clientId)) {
            return Optional.empty(); // never issued here, and a NUL would fail the query of a PostgreSQL store
        }
        Optional<DynamicClientRecord> record = store.find(clientId);
        if (record.isPresent() && !record.get().isUsed()
                && !clock.instant().isBefore(record.get().issuedAt().plus(settings.unusedTtl()))) {
            store.delete(clientId); // no token within the configured time: the registration expired unused
            return Optional.empty();
        }
        return record;
    }

    // RFC 7591 §3.2.1 client ids issued here are short VSCHAR strings (OAuth 2.1 Appendix A.1: client-id = *VSCHAR);
    // a path segment or token part that is not one names no client
    private static boolean isIssuable(String clientId) {
        return !clientId.isEmpty() && clientId.length() <= MAX_CLIENT_ID_LENGTH && Vschar.only(clientId);
    }

    private JsonObject response(DynamicClientRecord r, Optional<String> secret, String token) {
        JsonObject metadata = parse(r.metadata());
        JsonObjectBuilder b = Json.createObjectBuilder(metadata)
                .add("client_id", r.clientId())
                .add("client_id_issued_at", r.issuedAt().getEpochSecond())
                .add("token_endpoint_auth_method", r.client().authMethod().value())
                .add("registration_access_token", token)
                .add("registration_client_uri", configurationUri.apply(r.clientId()).toString());
        if (metadata.get("scope") instanceof JsonString asked) {
            // RFC 7591 §3.2.1: the response holds what was registered; a requested scope value this server does not
            // offer is left out (§2: the server may replace requested values), the others stay as asked
            Scope registered = Scope.parse(asked.getString()).intersect(r.client().scope());
            if (registered.tokens().isEmpty()) {
                b.remove("scope");
            } else {
                b.add("scope", registered.toString());
            }
        }
        secret.ifPresent(s -> b.add("client_secret", s));
        if (r.client().secretHash().isPresent()) {
            b.add("client_secret_expires_at", 0); // RFC 7591 §3.2.1: 0, the secret does not expire
        }
        return b.build();
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    // RFC 7591 §2: the AS decides what a registered client may ask for. With open registration anyone can register
    // again with a wider scope, so a limit buys nothing and would block an MCP client's step-up (the MCP clients
    // register with the scope of the first challenge): such a client may ask for any scope this server offers, and
    // the user's consent decides. Behind initial access tokens the registered scope is the limit.
    private Scope scope(RegistrationRequest r) {
        return settings.isProtected() ? r.metadata().scope().orElse(defaultScope) : defaultScope;
    }

    private RegisteredClient client(String clientId, RegistrationRequest r, Optional<String> secretHash) {
        RegisteredClientBuilder b = RegisteredClient.builder(clientId).source(ClientSource.DCR)
                .redirectUris(r.redirectUris().stream().map(u -> u.value()).toArray(String[]::new))
                .grantTypes(r.grantTypes().toArray(GrantType[]::new))
                .scope(scope(r));
        r.metadata().clientName().ifPresent(b::clientName);
        r.metadata().tokenEndpointAuthSigningAlg().ifPresent(b::signingAlg);
        ClientAuthMethod method = r.authMethod();
        if (method.equals(ClientAuthMethod.NONE)) {
            b.publicClient();
        } else if (secretHash.isPresent()) {
            b.secret(method, secretHash.get());
        } else if (r.metadata().jwks().isPresent()) {
            b.privateKeyJwt(r.metadata().jwks().get().toString());
        } else if (r.metadata().jwksUri().isPresent()) {
            b.privateKeyJwt(r.metadata().jwksUri().get());
        } else {
            throw OAuthException.of(OAuthError.INVALID_CLIENT_METADATA, "private_key_jwt needs jwks or jwks_uri",
                    REGISTRATION);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw OAuthException.of(OAuthError.INVALID_CLIENT_METADATA, "the client metadata is not consistent",
                    REGISTRATION);
        }
    }
}
