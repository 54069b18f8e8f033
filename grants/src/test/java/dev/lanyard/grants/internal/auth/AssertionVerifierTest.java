package dev.lanyard.grants.internal.auth;

import static dev.lanyard.grants.testing.Forms.form;
import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static dev.lanyard.grants.testing.TestAssertions.claims;
import static dev.lanyard.grants.testing.TestAssertions.header;
import static dev.lanyard.grants.testing.TestAssertions.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.auth.AuthenticationThrottle;
import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.auth.ClientAuthenticator;
import dev.lanyard.grants.auth.JwksFetcher;
import dev.lanyard.grants.client.InMemoryClientRegistry;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.store.memory.InMemoryReplayGuard;
import dev.lanyard.grants.testing.MutableClock;
import dev.lanyard.grants.testing.TestAssertions;
import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.error.OAuthError;

/** private_key_jwt through the authenticator: the JB cases of attacks.md and the JB rules of the checklist. */
class AssertionVerifierTest {

    private static final String TYPE = ClientAuthenticator.JWT_BEARER_ASSERTION_TYPE;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final InMemoryClientRegistry clients = TestClients.registry();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String remoteJwks = TestClients.publicJwks(TestClients.PKJ_RSA);
    private final JwksFetcher fetcher = uri -> {
        fetches.incrementAndGet();
        if (!uri.getHost().equals("client.example.test")) {
            throw new AssertionError("outbound request to " + uri);
        }
        return remoteJwks;
    };
    private final ClientAuthenticator authenticator = new ClientAuthenticator(GrantSettings.defaults(TestClients.ISS),
            clients, new InMemoryReplayGuard(1000, clock), fetcher,
            new AuthenticationThrottle(1000, Duration.ofSeconds(60), Duration.ofSeconds(60), 1000, clock), clock);

    private AuthenticatedClient auth(String assertion) {
        return authenticator.authenticate(ClientAuthenticationInput.ofForm(
                form("client_assertion_type", TYPE, "client_assertion", assertion)));
    }

    private Instant now() {
        return clock.instant();
    }

    @Test
    void authenticateWhenValidRs256ThenPkj1() {
        AuthenticatedClient c = auth(TestAssertions.rs256("pkj1", now()));
        assertThat(c.clientId()).isEqualTo("pkj1");
        assertThat(c.method()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
    }

    @Test
    void authenticateWhenNoRegisteredAlgThenRsaAndEcAccepted() {
        assertThat(auth(TestAssertions.rs256("pkj3", now())).clientId()).isEqualTo("pkj3");
        String es = sign(header(JWSAlgorithm.ES256, TestClients.PKJ_EC).build(),
                claims("pkj3", TestClients.ISS, now()).build(), TestClients.PKJ_EC);
        assertThat(auth(es).clientId()).isEqualTo("pkj3");
    }

    @Test
    void authenticateWhenBodyClientIdMatchesThenAccepted() {
        String jwt = TestAssertions.rs256("pkj1", now());
        assertThat(authenticator.authenticate(ClientAuthenticationInput.ofForm(form("client_id", "pkj1",
                "client_assertion_type", TYPE, "client_assertion", jwt))).clientId()).isEqualTo("pkj1");
    }

    @Test
    void authenticateWhenKidUnknownThenInvalidClient() {
        //
        String jwt = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("not-registered").build(),
                claims("pkj1", TestClients.ISS, now()).build(), TestClients.PKJ_RSA);
        assertError(() -> auth(jwt), OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenJwksUriKidUnknownTwentyTimesThenOneFetchPerCooldown() {
        // at most one refetch of jwks_uri within the cooldown window, even over 20 requests
        clients.register(TestClients.pkjRemote(URI.create("https://client.example.test/jwks")));
        assertThat(auth(TestAssertions.rs256("pkj-remote", now())).clientId()).isEqualTo("pkj-remote");
        assertThat(fetches).hasValue(1);
        for (int i = 0; i < 20; i++) {
            String jwt = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("rotated-in").build(),
                    claims("pkj-remote", TestClients.ISS, now()).build(), TestClients.PKJ_EC);
            assertError(() -> auth(jwt), OAuthError.INVALID_CLIENT);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(fetches).hasValue(1);
        // after the cooldown, the unknown kid triggers one refetch, which finds the client's new key
        clock.advance(Duration.ofMinutes(5));
        remoteJwks = TestClients.publicJwks(TestClients.PKJ_RSA,
                new ECKey.Builder(TestClients.PKJ_EC).keyID("rotated-in").build());
        String rotated = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("rotated-in").build(),
                claims("pkj-remote", TestClients.ISS, now()).build(),
                new ECKey.Builder(TestClients.PKJ_EC).keyID("rotated-in").build());
        assertThat(auth(rotated).clientId()).isEqualTo("pkj-remote");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void authenticateWhenUnknownCritThenInvalidClient() {
        // RFC 7515 §4.1.11
        String jwt = sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).criticalParams(Set.of("exp-x"))
                .customParam("exp-x", 1).build(), claims("pkj1", TestClients.ISS, now()).build(), TestClients.PKJ_RSA);
        assertError(() -> auth(jwt), OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenAssertionTypeMissingOrOtherThenInvalidRequest() {
        // RFC 7521 §4.2
        String jwt = TestAssertions.rs256("pkj1", now());
        assertError(() -> authenticator.authenticate(ClientAuthenticationInput.ofForm(form("client_assertion", jwt))),
                OAuthError.INVALID_REQUEST);
        assertError(() -> authenticator.authenticate(ClientAuthenticationInput.ofForm(form("client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:saml2-bearer", "client_assertion", jwt))),
                OAuthError.INVALID_REQUEST);
        assertError(() -> authenticator.authenticate(ClientAuthenticationInput.ofForm(
                form("client_assertion_type", TYPE))), OAuthError.INVALID_REQUEST);
    }

    @Test
    void authenticateWhenAlgNoneInAnyCaseThenInvalidClient() {
        // RFC 7523 §3 the JWT MUST be signed; RFC 8725
        String payload = Base64URL.encode(claims("pkj1", TestClients.ISS, now()).build().toString()).toString();
        for (String alg : List.of("none", "None", "NONE")) {
            String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8));
            assertError(() -> auth(header + "." + payload + "."), OAuthError.INVALID_CLIENT);
        }
    }

    @Test
    void authenticateWhenIssSubMismatchThenInvalidClient() {
        //
        JWTClaimsSet issPkjSubConf = claims("pkj1", TestClients.ISS, now()).subject("conf1").build();
        assertError(() -> auth(sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(), issPkjSubConf,
                TestClients.PKJ_RSA)), OAuthError.INVALID_CLIENT);
        String conf2 = sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(),
                claims("conf2", TestClients.ISS, now()).build(), TestClients.PKJ_RSA);
        assertError(() -> authenticator.authenticate(ClientAuthenticationInput.ofForm(form("client_id", "pkj1",
                "client_assertion_type", TYPE, "client_assertion", conf2))), OAuthError.INVALID_CLIENT);
        JWTClaimsSet noSub = new JWTClaimsSet.Builder(claims("pkj1", TestClients.ISS, now()).build())
                .subject(null).build();
        assertError(() -> auth(sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(), noSub,
                TestClients.PKJ_RSA)), OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenAudIsTokenEndpointOrHasExtraValueThenInvalidClient() {
        // 7523bis §4, aud MUST be the issuer identifier as the sole value (strict by default)
        for (List<String> aud : List.of(List.of("https://as.example.test/token"),
                List.of(TestClients.ISS, "https://as.example.test/token"), List.of(TestClients.ISS + "/"))) {
            JWTClaimsSet c = claims("pkj1", TestClients.ISS, now()).audience(aud).build();
            assertError(() -> auth(sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(), c,
                    TestClients.PKJ_RSA)), OAuthError.INVALID_CLIENT);
        }
        JWTClaimsSet array = claims("pkj1", TestClients.ISS, now()).audience(List.of(TestClients.ISS)).build();
        assertThat(auth(sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(), array, TestClients.PKJ_RSA))
                .clientId()).isEqualTo("pkj1");
    }

    @Test
    void authenticateWhenKeyInjectedThroughHeaderThenInvalidClientAndNoFetch() throws Exception {
        // jwk, jku, x5u, x5c in the header never supply the key; no outbound request
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("pkj-ec").generate();
        JWTClaimsSet c = claims("pkj2", TestClients.ISS, now()).build();
        JWSHeader withJwk = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("pkj-ec").jwk(attacker.toPublicJWK())
                .build();
        JWSHeader withJku = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("pkj-ec")
                .jwkURL(URI.create("https://evil.test/keys")).x509CertURL(URI.create("https://evil.test/x5u"))
                .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode("not a certificate"))).build();
        for (JWSHeader h : List.of(withJwk, withJku)) {
            assertError(() -> auth(sign(h, c, attacker)), OAuthError.INVALID_CLIENT);
        }
        assertThat(fetches).hasValue(0);
    }

    @Test
    void authenticateWhenHmacOrSecretJwtThenInvalidClient() throws Exception {
        // client_secret_jwt is not supported (secrets are kept hashed); HS256 is never accepted, not even
        // with the client's public key as the MAC key (key confusion)
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("pkj-rsa").build(),
                claims("pkj1", TestClients.ISS, now()).build());
        hs.sign(new MACSigner(TestClients.PKJ_RSA.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertError(() -> auth(hs.serialize()), OAuthError.INVALID_CLIENT);
        assertThatThrownBy(() -> RegisteredClient.builder("csj").secret(ClientAuthMethod.CLIENT_SECRET_JWT,
                "sha256:" + "A".repeat(43)).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dev.lanyard.grants.client.ClientSecrets.hash("")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void authenticateWhenNoJtiThenInvalidClient() {
        // jti required (LIB)
        JWTClaimsSet c = claims("pkj1", TestClients.ISS, now()).jwtID(null).build();
        assertError(() -> auth(sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(), c, TestClients.PKJ_RSA)),
                OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenReplayedThenInvalidClient() {
        // JB-02: jti uniqueness
        String jwt = TestAssertions.rs256("pkj1", now());
        auth(jwt);
        assertError(() -> auth(jwt), OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenExpiredOrTooLongOrNotYetValidThenInvalidClient() {
        // JB-02: exp required and not passed (60 s skew); exp - now capped; nbf and iat not in the future
        JWTClaimsSet expired = claims("pkj1", TestClients.ISS, now())
                .expirationTime(Date.from(now().minusSeconds(61))).build();
        JWTClaimsSet tooLong = claims("pkj1", TestClients.ISS, now())
                .expirationTime(Date.from(now().plus(Duration.ofHours(1)))).build();
        JWTClaimsSet early = claims("pkj1", TestClients.ISS, now()).notBeforeTime(Date.from(now().plusSeconds(300)))
                .build();
        JWTClaimsSet noExp = claims("pkj1", TestClients.ISS, now()).expirationTime(null).build();
        for (JWTClaimsSet c : List.of(expired, tooLong, early, noExp)) {
            assertError(() -> auth(sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(), c,
                    TestClients.PKJ_RSA)), OAuthError.INVALID_CLIENT);
        }
        JWTClaimsSet withinSkew = claims("pkj1", TestClients.ISS, now())
                .expirationTime(Date.from(now().minusSeconds(30))).build();
        assertThat(auth(sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(), withinSkew,
                TestClients.PKJ_RSA)).clientId()).isEqualTo("pkj1");
    }

    @Test
    void authenticateWhenIatBeyondTheSkewInTheFutureThenInvalidClient() {
        // RFC 7523 §3 item 6, JB-02: iat in the future beyond the 60 s skew; within it, accepted
        JWTClaimsSet ahead = claims("pkj1", TestClients.ISS, now()).issueTime(Date.from(now().plusSeconds(61)))
                .build();
        assertError(() -> auth(sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(), ahead,
                TestClients.PKJ_RSA)), OAuthError.INVALID_CLIENT);
        JWTClaimsSet slightly = claims("pkj1", TestClients.ISS, now()).issueTime(Date.from(now().plusSeconds(8)))
                .build();
        assertThat(auth(sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(), slightly,
                TestClients.PKJ_RSA)).clientId()).isEqualTo("pkj1");
    }

    @Test
    void authenticateWhenIssMissingMalformedOrNotVscharThenInvalidClientWithoutLookup() throws Exception {
        // RFC 7523 §3 item 1: iss REQUIRED (= client_id); RFC 6749 Appendix A: a client_id is VSCHAR, so an iss with
        // a NUL never reaches the registry (INP-05)
        ClientAuthenticator strict = new ClientAuthenticator(GrantSettings.defaults(TestClients.ISS), id -> {
            if (!id.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
                throw new IllegalStateException("looked up a client id that is not VSCHAR");
            }
            return clients.find(id);
        }, new InMemoryReplayGuard(1000, clock), fetcher, AuthenticationThrottle.defaults(clock), clock);
        JWTClaimsSet noIss = new JWTClaimsSet.Builder(claims("pkj1", TestClients.ISS, now()).build()).issuer(null)
                .build();
        JWTClaimsSet nulIss = claims("pkj1\u0000", TestClients.ISS, now()).build();
        JWTClaimsSet numericIss = new JWTClaimsSet.Builder(claims("pkj1", TestClients.ISS, now()).build())
                .claim("iss", 42).build();
        JWTClaimsSet stringExp = new JWTClaimsSet.Builder(claims("pkj1", TestClients.ISS, now()).build())
                .claim("exp", Long.toString(now().plusSeconds(60).getEpochSecond())).build();
        for (JWTClaimsSet c : List.of(noIss, nulIss, numericIss, stringExp)) {
            String jwt = sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(), c, TestClients.PKJ_RSA);
            assertError(() -> strict.authenticate(ClientAuthenticationInput.ofForm(form("client_assertion_type", TYPE,
                    "client_assertion", jwt))), OAuthError.INVALID_CLIENT);
            assertError(() -> strict.authenticate(ClientAuthenticationInput.ofForm(form("client_id", "pkj1",
                    "client_assertion_type", TYPE, "client_assertion", jwt))), OAuthError.INVALID_CLIENT);
        }
    }

    @Test
    void authenticateWhenSignedWithAnotherClientsKeyThenInvalidClient() throws Exception {
        // RFC 7523 §3 item 9, JB-05: only the claimed client's own keys verify its assertion
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("other-ec").generate();
        clients.register(RegisteredClient.builder("pkj-other").privateKeyJwt(TestClients.publicJwks(other))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).build());
        JWTClaimsSet pkj3 = claims("pkj3", TestClients.ISS, now()).build();
        // under pkj3's kid, and under the other client's kid
        assertError(() -> auth(sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(TestClients.PKJ_EC.getKeyID())
                .build(), pkj3, other)), OAuthError.INVALID_CLIENT);
        assertError(() -> auth(sign(header(JWSAlgorithm.ES256, other).build(), pkj3, other)),
                OAuthError.INVALID_CLIENT);
        assertThat(auth(sign(header(JWSAlgorithm.ES256, other).build(),
                claims("pkj-other", TestClients.ISS, now()).build(), other)).clientId()).isEqualTo("pkj-other");
    }

    @Test
    void authenticateWhenTypOfAnotherJwtThenInvalidClient() {
        // JB-04: a typ marking another kind of JWT is refused; the explicit client-authentication+jwt is fine
        for (String typ : List.of("at+jwt", "logout+jwt", "application/at+jwt")) {
            String jwt = sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).type(new JOSEObjectType(typ)).build(),
                    claims("pkj1", TestClients.ISS, now()).build(), TestClients.PKJ_RSA);
            assertError(() -> auth(jwt), OAuthError.INVALID_CLIENT);
        }
        String typed = sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA)
                .type(new JOSEObjectType("client-authentication+jwt")).build(),
                claims("pkj1", TestClients.ISS, now()).build(), TestClients.PKJ_RSA);
        assertThat(auth(typed).clientId()).isEqualTo("pkj1");
    }

    @Test
    void authenticateWhenAlgNotTheRegisteredOneThenInvalidClient() {
        // JB-05: alg must match token_endpoint_auth_signing_alg (pkj1: RS256, pkj2: ES256)
        String es = sign(header(JWSAlgorithm.ES256, TestClients.PKJ_EC).build(),
                claims("pkj1", TestClients.ISS, now()).build(), TestClients.PKJ_EC);
        assertError(() -> auth(es), OAuthError.INVALID_CLIENT);
        assertError(() -> auth(TestAssertions.rs256("pkj2", now())), OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenClientNotRegisteredForPrivateKeyJwtThenInvalidClient() {
        clients.register(RegisteredClient.builder("pub-jwt").publicClient().grantTypes(GrantType.AUTHORIZATION_CODE)
                .build());
        assertError(() -> auth(TestAssertions.rs256("pub-jwt", now())), OAuthError.INVALID_CLIENT);
        assertError(() -> auth(TestAssertions.rs256("conf1", now())), OAuthError.INVALID_CLIENT);
        assertError(() -> auth("not.a.jwt"), OAuthError.INVALID_CLIENT);
    }
}
