package dev.lanyard.grants.internal.auth;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.client.ClientRegistry;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.internal.ClientKeys;
import dev.lanyard.grants.internal.jws.JwsChecks;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.spec.claims.ClientAssertionClaims;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;

/**
 * Verifies a {@code private_key_jwt} client assertion: RFC 7523 §3 as updated by
 * {@value dev.lanyard.spec.ref.Specs#RFC7523BIS} §4 and the project checklist (JB-01 to JB-06). Every failure is
 * {@code invalid_client}.
 *
 * <p>In order: signed with an allow-listed asymmetric algorithm (never {@code none}, never HMAC: A-038), no unknown
 * {@code crit}, a {@code typ} that does not mark another kind of JWT; claims well-typed; the client exists and
 * is registered for {@code private_key_jwt}; {@code iss = sub = client_id}; {@code aud} the issuer as sole
 * value; the signature verifies with a key the client registered, chosen by {@code kid} and algorithm, never a
 * key named by the header, refetching {@code jwks_uri} at most once per cooldown; {@code exp} not
 * passed and not too far ahead; {@code nbf}, {@code iat} not in the future; {@code jti} present and seen for
 * the first time. The JWS and time checks are {@link JwsChecks}, shared with the verification of ID-JAGs.
 */
public final class AssertionVerifier {

    /** The longest {@code jti} accepted. */
    public static final int MAX_JTI_LENGTH = 256;

    private static final JwsChecks.Failure FAIL = reason -> AuthFailures.invalidClient("assertion: " + reason,
            AuthFailures.ASSERTION);

    private final GrantSettings settings;
    private final ClientRegistry clients;
    private final ReplayGuard replay;
    private final RemoteJwks remote;
    private final Clock clock;

    /**
     * @param settings issuer, skew and assertion lifetime
     * @param clients  the client registry
     * @param replay   the replay guard for {@code jti}
     * @param remote   the {@code jwks_uri} cache
     * @param clock    the time source
     */
    public AssertionVerifier(GrantSettings settings, ClientRegistry clients, ReplayGuard replay, RemoteJwks remote,
            Clock clock) {
        this.settings = settings;
        this.clients = clients;
        this.replay = replay;
        this.remote = remote;
        this.clock = clock;
    }

    /**
     * The client id an assertion claims, before anything is verified: the body's, else the {@code iss}; empty when
     * neither names one, or the {@code iss} is not a possible client id (RFC 6749 Appendix A: VSCHAR).
     */
    public static Optional<String> claimedClientId(String assertion, Optional<String> bodyClientId) {
        if (bodyClientId.isPresent()) {
            return bodyClientId;
        }
        try {
            return Optional.ofNullable(JWSObject.parse(assertion).getPayload().toJSONObject())
                    .map(o -> o.get("iss")).filter(String.class::isInstance).map(String.class::cast)
                    .filter(iss -> !iss.isEmpty() && BasicCredentials.isVschars(iss));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The client that signed {@code assertion}.
     *
     * @param clientId the client it claims to be ({@link #claimedClientId})
     * @throws OAuthException {@code invalid_client} for any failure
     */
    public RegisteredClient verify(String assertion, String clientId) {
        JWSObject jws = JwsChecks.parse(assertion, FAIL);
        JWSHeader header = jws.getHeader();
        checkHeader(header);
        ClientAssertionClaims claims = claims(jws);
        RegisteredClient client = clients.find(clientId)
                .filter(c -> c.authMethod().equals(ClientAuthMethod.PRIVATE_KEY_JWT))
                .orElseThrow(() -> AuthFailures.invalidClient("no private_key_jwt client " + clientId,
                        AuthFailures.CLIENT_AUTH));
        Violations broken = claims.checkFor(clientId, settings.issuer());
        if (!broken.isEmpty()) {
            // RFC 7523 §3: iss = sub = client_id; 7523bis §4: aud = the issuer identifier as the sole value
            throw AuthFailures.invalidClient("iss, sub or aud: " + broken, AuthFailures.ASSERTION);
        }
        if (client.tokenEndpointAuthSigningAlg().isPresent()
                && !client.tokenEndpointAuthSigningAlg().get().equals(header.getAlgorithm().getName())) {
            throw AuthFailures.invalidClient("alg differs from token_endpoint_auth_signing_alg",
                    AuthFailures.ASSERTION);
        }
        checkSignature(jws, client);
        // JB-02 LIB: a bounded exp keeps the replay guard bounded
        JwsChecks.requireTimes(claims.expiration(), claims.nbf(), claims.iat(), clock.instant(),
                settings.clockSkew(), settings.assertionMaxLifetime(), FAIL);
        String jti = claims.jti().filter(j -> j.length() <= MAX_JTI_LENGTH).orElseThrow(
                () -> AuthFailures.invalidClient("jti missing or too long", AuthFailures.ASSERTION));
        Instant keepUntil = claims.expiration().plus(settings.clockSkew());
        if (!replay.firstUse("client_assertion\n" + clientId + "\n" + jti, keepUntil)) {
            throw AuthFailures.invalidClient("assertion jti replayed", AuthFailures.ASSERTION);
        }
        return client;
    }

    private static void checkHeader(JWSHeader header) {
        // A-038 (none, HMAC), A-036 (crit)
        JwsChecks.requireSafeHeader(header, ClientKeys.ASSERTION_ALGORITHMS, FAIL);
        JOSEObjectType typ = header.getType();
        if (typ != null && !ClientAssertionClaims.isClientAuthenticationTyp(typ.getType())
                && !"JWT".equalsIgnoreCase(typ.getType())) {
            // JB-04: refuse a typ that marks another kind of JWT (at+jwt, logout+jwt, ...)
            throw AuthFailures.invalidClient("typ of another kind of JWT", AuthFailures.ASSERTION);
        }
    }

    private static ClientAssertionClaims claims(JWSObject jws) {
        Parsed<ClientAssertionClaims> parsed = ClientAssertionClaims.parse(jws.getPayload().toString());
        return parsed.toOptional().orElseThrow(() -> AuthFailures.invalidClient("malformed assertion claims",
                AuthFailures.ASSERTION));
    }

    private void checkSignature(JWSObject jws, RegisteredClient client) {
        Optional<JWKSet> keys = client.jwks().map(ClientKeys::requirePublicJwks);
        if (keys.isEmpty() && client.jwksUri().isPresent()) {
            URI uri = client.jwksUri().get();
            keys = remote.get(uri, Optional.ofNullable(jws.getHeader().getKeyID()));
        }
        // RFC 7523 §3 item 9; A-035 (unknown kid), A-041 (key injection through jwk / jku / x5u / x5c)
        JwsChecks.requireSignature(jws, keys, FAIL);
    }
}
