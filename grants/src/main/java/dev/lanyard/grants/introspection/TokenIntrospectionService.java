package dev.lanyard.grants.introspection;

import jakarta.json.JsonValue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.internal.AccessTokens;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.internal.auth.AuthFailures;
import dev.lanyard.grants.internal.grant.RefreshTokens;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.RefreshTokenRecord;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.IntrospectionRequest;
import dev.lanyard.spec.token.IntrospectionResponse;

/**
 * Token introspection (RFC 7662) without HTTP. The endpoint authenticates the caller first, then calls
 * {@link #introspect}.
 *
 * <ul>
 *   <li>The caller must have authenticated: a public client naming itself is refused with {@code invalid_client}
 *       (RFC 7662 §2.1, IN-02; A-066).</li>
 *   <li>An access token of this server, unexpired and not revoked: active, with its claims (its
 *       {@code authorization_details} too, RFC 9396 §9.2).</li>
 *   <li>A refresh token: active only for the client it was issued to, and only while active and unexpired.</li>
 *   <li>Anything else (unknown, expired, revoked, foreign, malformed): exactly {@code {"active":false}} (RFC 7662
 *       §2.2, IN-04).</li>
 * </ul>
 */
public final class TokenIntrospectionService {

    private final RefreshTokenStore refreshTokens;
    private final RevokedAccessTokens revokedAccessTokens;
    private final SigningKeys keys;
    private final GrantSettings settings;
    private final Clock clock;

    /**
     * @param refreshTokens       the refresh token families
     * @param revokedAccessTokens revoked access token ids
     * @param keys                the keys that signed the access tokens
     * @param settings            the issuer
     * @param clock               the time source
     */
    public TokenIntrospectionService(RefreshTokenStore refreshTokens, RevokedAccessTokens revokedAccessTokens,
            SigningKeys keys, GrantSettings settings, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.revokedAccessTokens = revokedAccessTokens;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What is known of {@code request.token()}, for {@code caller}.
     *
     * @throws OAuthException {@code invalid_client} when the caller did not authenticate
     */
    public IntrospectionResponse introspect(IntrospectionRequest request, AuthenticatedClient caller) {
        if (!caller.client().isConfidential()) {
            // RFC 7662 §2.1: the endpoint MUST require some form of authorization
            throw AuthFailures.invalidClient("introspection needs an authenticated client",
                    SpecRef.rfc(7662, "2.1"));
        }
        Instant now = clock.instant();
        Optional<AccessTokenClaims> at = AccessTokens.read(request.token(), keys, settings)
                .filter(c -> c.expiration().isAfter(now))
                .filter(c -> c.nbf().map(Instant::ofEpochSecond).map(n -> !n.isAfter(now)).orElse(true))
                .filter(c -> !RefreshTokens.isRevoked(revokedAccessTokens, c.jti()));
        if (at.isPresent()) {
            return active(at.get());
        }
        return refreshTokens.find(Digests.sha256Base64Url(request.token()))
                .filter(t -> t.state() == RefreshTokenState.ACTIVE && !t.isExpired(now))
                .filter(t -> t.clientId().equals(caller.clientId()))
                .map(TokenIntrospectionService::active)
                .orElse(IntrospectionResponse.inactive());
    }

    private static IntrospectionResponse active(AccessTokenClaims c) {
        return new IntrospectionResponse(true, c.scope(), Optional.of(c.clientId()), Optional.empty(),
                Optional.of(AccessTokenResponse.BEARER), Optional.of(c.expiration()), Optional.of(c.issuedAt()),
                c.nbf().map(Instant::ofEpochSecond), Optional.of(c.sub()), c.aud(), Optional.of(c.iss()),
                Optional.of(c.jti()), details(c));
    }

    // RFC 9396 §9.2: the authorization details of the token, in the introspection response
    private static Map<String, JsonValue> details(AccessTokenClaims c) {
        JsonValue details = c.extensions().get("authorization_details");
        return details == null ? Map.of() : Map.of("authorization_details", details);
    }

    private static IntrospectionResponse active(RefreshTokenRecord t) {
        Optional<Scope> scope = t.scope().isEmpty() ? Optional.empty() : Optional.of(t.scope());
        return new IntrospectionResponse(true, scope, Optional.of(t.clientId()), Optional.empty(),
                Optional.of("refresh_token"), Optional.of(t.expiresAt()), Optional.of(t.issuedAt()),
                Optional.empty(), Optional.of(t.subject()), List.of(), Optional.empty(), Optional.empty(), Map.of());
    }
}
