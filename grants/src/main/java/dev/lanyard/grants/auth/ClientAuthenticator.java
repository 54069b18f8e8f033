package dev.lanyard.grants.auth;

import java.time.Clock;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.client.ClientRegistry;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.internal.auth.AssertionVerifier;
import dev.lanyard.grants.internal.auth.AuthFailures;
import dev.lanyard.grants.internal.auth.BasicCredentials;
import dev.lanyard.grants.internal.auth.RemoteJwks;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.ClientCredentialsInRequest;

/**
 * Identifies and authenticates the client of a token, revocation or introspection request.
 *
 * <ul>
 *   <li>Credentials in the request URI: {@code invalid_request} (OAuth 2.1 §2.4.1; A-027).</li>
 *   <li>More than one method (Basic header, {@code client_secret}, {@code client_assertion}): {@code invalid_request}
 *       (OAuth 2.1 §2.4, CA-03; ). A body {@code client_id} that differs from the Basic one:
 *       {@code invalid_request} (CA-06).</li>
 *   <li>{@code client_secret_basic} (RFC 6749 §2.3.1: form-urlencoded, then Basic), {@code client_secret_post}:
 *       the secret is compared as a SHA-256 in constant time; an unknown client costs the same.</li>
 *   <li>{@code private_key_jwt} (RFC 7523 as updated by 7523bis): see the assertion rules below; a missing or wrong
 *       {@code client_assertion_type} is {@code invalid_request} .</li>
 *   <li>{@code none}: a {@code client_id} alone identifies a public client; a confidential client without credentials
 *       is {@code invalid_client} .</li>
 *   <li>The registered method is enforced; a public client sending a secret is {@code invalid_client}
 *       (CA-05).</li>
 *   <li>Every authentication failure is {@code invalid_client} with status 401 and one generic description. When the
 *       client used the {@code Authorization} header, answer with {@link #challenge()} in {@code WWW-Authenticate}
 *       (RFC 6749 §5.2).</li>
 *   <li>Failures are throttled per client and source ({@link AuthenticationThrottle}; A-031).</li>
 * </ul>
 *
 * <p>No slow hashing: secrets are random 256-bit values hashed with SHA-256; a secret client costs one registry
 * lookup and one hash.
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#OAUTH21} §2.4, §2.4.1, §3.2.4; RFC 6749 §2.3.1, §5.2;
 * RFC 7521 §4.2; RFC 7523 §2.2, §3; {@value dev.lanyard.spec.ref.Specs#RFC7523BIS} §4.
 */
public final class ClientAuthenticator {

    /** The {@code client_assertion_type} of JWT client authentication (RFC 7523 §2.2). */
    public static final String JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final GrantSettings settings;
    private final ClientRegistry clients;
    private final AssertionVerifier assertions;
    private final AuthenticationThrottle throttle;

    /**
     * @param settings the issuer (the only {@code aud} of assertions), skew, assertion lifetime
     * @param clients  the client registry
     * @param replay   the replay guard for assertion {@code jti}s
     * @param jwks     fetches clients' {@code jwks_uri} (SSRF-safe)
     * @param throttle the brute-force throttle
     * @param clock    the time source
     */
    public ClientAuthenticator(GrantSettings settings, ClientRegistry clients, ReplayGuard replay, JwksFetcher jwks,
            AuthenticationThrottle throttle, Clock clock) {
        this.settings = settings;
        this.clients = clients;
        this.assertions = new AssertionVerifier(settings, clients, replay, new RemoteJwks(jwks, clock), clock);
        this.throttle = throttle;
    }

    /**
     * The client of a request.
     *
     * @throws OAuthException      {@code invalid_request} for a malformed combination of credentials,
     *                             {@code invalid_client} (401) when authentication fails
     * @throws ThrottledException when the client and source are locked out after repeated failures
     */
    public AuthenticatedClient authenticate(ClientAuthenticationInput in) {
        if (in.credentialsInQuery()) {
            // OAuth 2.1 §2.4.1: client credentials MUST NOT be included in the request URI
            throw AuthFailures.invalidRequest("Client credentials must not be sent in the request URI",
                    AuthFailures.CLIENT_AUTH);
        }
        ClientCredentialsInRequest body = ClientCredentialsInRequest.parse(in.form());
        boolean basic = in.authorization().isPresent();
        boolean secret = body.clientSecret().isPresent();
        boolean assertion = body.clientAssertion().isPresent() || body.clientAssertionType().isPresent();
        if ((basic ? 1 : 0) + (secret ? 1 : 0) + (assertion ? 1 : 0) > 1) {
            // OAuth 2.1 §2.4: the client MUST NOT use more than one authentication method in each request
            throw AuthFailures.invalidRequest("More than one client authentication method", AuthFailures.CLIENT_AUTH);
        }
        if (basic) {
            return basic(in.authorization().get(), body, in.source());
        }
        if (secret) {
            String id = body.clientId().orElseThrow(() -> AuthFailures.invalidRequest(
                    "Missing parameter client_id", AuthFailures.CLIENT_AUTH));
            return withSecret(id, body.clientSecret().get(), ClientAuthMethod.CLIENT_SECRET_POST, in.source());
        }
        if (assertion) {
            return withAssertion(body, in.source());
        }
        String id = body.clientId().orElseThrow(
                () -> AuthFailures.invalidClient("no client identification", AuthFailures.CLIENT_AUTH));
        return publicClient(id);
    }

    /** The {@code WWW-Authenticate} value for an {@code invalid_client} when the Basic header was used. */
    public String challenge() {
        return "Basic realm=\"" + OAuthError.sanitize(settings.issuer()) + "\"";
    }

    private AuthenticatedClient basic(String header, ClientCredentialsInRequest body, String source) {
        if (!BasicCredentials.isBasic(header)) {
            throw AuthFailures.invalidClient("unsupported Authorization scheme", AuthFailures.CLIENT_AUTH);
        }
        BasicCredentials credentials = BasicCredentials.parse(header).orElseThrow(
                () -> AuthFailures.invalidClient("malformed Basic credentials", AuthFailures.CLIENT_AUTH));
        if (body.clientId().isPresent() && !body.clientId().get().equals(credentials.clientId())) {
            // CA-06: a body client_id must name the client the header authenticates
            throw AuthFailures.invalidRequest("Parameter client_id differs from the authenticated client",
                    AuthFailures.CLIENT_AUTH);
        }
        return withSecret(credentials.clientId(), credentials.secret(), ClientAuthMethod.CLIENT_SECRET_BASIC, source);
    }

    private AuthenticatedClient withSecret(String clientId, String secret, ClientAuthMethod method, String source) {
        throttle.check(clientId, source);
        Optional<RegisteredClient> client = clients.find(clientId);
        boolean ok = client.isPresent() && client.get().secretHash().isPresent()
                ? ClientSecrets.matches(secret, client.get().secretHash().get())
                : spend(secret);
        // OAuth 2.1 §2.4.2 / CA-05: the registered method is enforced; a public client sending a secret fails
        if (!ok || !client.get().authMethod().equals(method)) {
            throttle.failed(clientId, source);
            throw AuthFailures.invalidClient(client.isEmpty() ? "unknown client" : "bad secret or method",
                    AuthFailures.CLIENT_AUTH);
        }
        throttle.succeeded(clientId, source);
        return new AuthenticatedClient(client.get(), method);
    }

    private static boolean spend(String secret) {
        ClientSecrets.spendComparison(secret);
        return false;
    }

    private AuthenticatedClient withAssertion(ClientCredentialsInRequest body, String source) {
        if (!body.clientAssertionType().map(JWT_BEARER_ASSERTION_TYPE::equals).orElse(false)) {
            // RFC 7521 §4.2: client_assertion_type REQUIRED; only the JWT bearer type is supported
            throw AuthFailures.invalidRequest("Parameter client_assertion_type must be " + JWT_BEARER_ASSERTION_TYPE,
                    AuthFailures.ASSERTION);
        }
        String jwt = body.clientAssertion().orElseThrow(() -> AuthFailures.invalidRequest(
                "Missing parameter client_assertion", AuthFailures.ASSERTION));
        String clientId = AssertionVerifier.claimedClientId(jwt, body.clientId()).orElseThrow(
                () -> AuthFailures.invalidClient("assertion names no client", AuthFailures.ASSERTION));
        throttle.check(clientId, source);
        try {
            RegisteredClient client = assertions.verify(jwt, clientId);
            throttle.succeeded(clientId, source);
            return new AuthenticatedClient(client, ClientAuthMethod.PRIVATE_KEY_JWT);
        } catch (OAuthException e) {
            throttle.failed(clientId, source);
            throw e;
        }
    }

    private AuthenticatedClient publicClient(String clientId) {
        RegisteredClient client = clients.find(clientId)
                .orElseThrow(() -> AuthFailures.invalidClient("unknown client", AuthFailures.CLIENT_AUTH));
        if (!client.authMethod().equals(ClientAuthMethod.NONE)) {
            // a confidential client sending only client_id is not authenticated
            throw AuthFailures.invalidClient("client authentication required", AuthFailures.CLIENT_AUTH);
        }
        return new AuthenticatedClient(client, ClientAuthMethod.NONE);
    }
}
