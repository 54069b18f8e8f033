package dev.lanyard.grants.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.internal.grant.Audiences;
import dev.lanyard.grants.internal.grant.GrantErrors;
import dev.lanyard.grants.internal.grant.RefreshTokens;
import dev.lanyard.grants.internal.grant.Responses;
import dev.lanyard.grants.store.AuthorizationCodeBinding;
import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.IssuedTokens;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.store.StoredAuthorizationCode;
import dev.lanyard.grants.token.AccessTokenContent;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.grants.token.IdTokenIssuer;
import dev.lanyard.grants.token.IssuedAccessToken;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.AuthorizationCodeGrant;

/**
 * The authorization code grant (OAuth 2.1 §4.1.3), with PKCE (RFC 7636 §4.6) and resource indicators (RFC 8707).
 *
 * <p>Checks, in order; every failure is {@code invalid_grant} unless said otherwise:
 * <ol>
 *   <li>the code exists and has not expired (60 s by default);</li>
 *   <li>it was issued to this client (AC-01); on mismatch it is also invalidated;</li>
 *   <li>a {@code redirect_uri} in the request equals the one the code was sent to ;</li>
 *   <li>PKCE: with a challenge, the verifier is present and matches under S256; without one, a
 *       verifier is {@code invalid_request} ;</li>
 *   <li>requested resources were granted ({@code invalid_target});</li>
 *   <li>the code was not redeemed yet. A second <em>valid</em> redemption fails and revokes what the first issued:
 *       the refresh token family and the access token. An invalid one (checks above, or bad client
 *       authentication before this handler) revokes nothing .</li>
 * </ol>
 * Redemption is the store's atomic conditional update, so of concurrent redemptions exactly one succeeds.
 * A refresh token is issued when the client may use the refresh token grant. With an {@link IdTokenIssuer}, the
 * server is also an OpenID Provider: when the granted scope contains {@code openid}, the response carries an
 * {@code id_token} for the code's user, with the code's {@code nonce} and {@code auth_time} (OIDC Core §3.1.3.3).
 */
public final class AuthorizationCodeGrantHandler implements GrantHandler<AuthorizationCodeGrant> {

    /** The scope value that makes an authorization request an OpenID Connect one (OIDC Core §3.1.2.1). */
    public static final String OPENID = "openid";

    private final AuthorizationCodeStore codes;
    private final RefreshTokens refreshTokens;
    private final AccessTokenIssuer issuer;
    private final GrantSettings settings;
    private final Clock clock;
    private final Optional<IdTokenIssuer> idTokens;

    /**
     * @param codes               the code store
     * @param refreshStore        the refresh token families
     * @param revokedAccessTokens where the access tokens of a code redeemed twice are revoked
     * @param issuer              the access token issuer
     * @param settings            lifetimes and resources
     * @param clock               the time source
     */
    public AuthorizationCodeGrantHandler(AuthorizationCodeStore codes, RefreshTokenStore refreshStore,
            RevokedAccessTokens revokedAccessTokens, AccessTokenIssuer issuer, GrantSettings settings, Clock clock) {
        this(codes, refreshStore, revokedAccessTokens, issuer, settings, clock, Optional.empty());
    }

    /**
     * A handler that also answers as an OpenID Provider: ID tokens for codes whose scope contains {@code openid}.
     *
     * @param codes               the code store
     * @param refreshStore        the refresh token families
     * @param revokedAccessTokens where the access tokens of a code redeemed twice are revoked
     * @param issuer              the access token issuer
     * @param settings            lifetimes and resources
     * @param clock               the time source
     * @param idTokens            the ID token issuer
     */
    public AuthorizationCodeGrantHandler(AuthorizationCodeStore codes, RefreshTokenStore refreshStore,
            RevokedAccessTokens revokedAccessTokens, AccessTokenIssuer issuer, GrantSettings settings, Clock clock,
            IdTokenIssuer idTokens) {
        this(codes, refreshStore, revokedAccessTokens, issuer, settings, clock, Optional.of(idTokens));
    }

    private AuthorizationCodeGrantHandler(AuthorizationCodeStore codes, RefreshTokenStore refreshStore,
            RevokedAccessTokens revokedAccessTokens, AccessTokenIssuer issuer, GrantSettings settings, Clock clock,
            Optional<IdTokenIssuer> idTokens) {
        this.codes = codes;
        this.refreshTokens = new RefreshTokens(refreshStore, revokedAccessTokens, settings);
        this.issuer = issuer;
        this.settings = settings;
        this.clock = clock;
        this.idTokens = idTokens;
    }

    @Override
    public GrantType grantType() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public Class<AuthorizationCodeGrant> requestType() {
        return AuthorizationCodeGrant.class;
    }

    @Override
    public AccessTokenResponse handle(AuthorizationCodeGrant request, AuthenticatedClient client) {
        Instant now = clock.instant();
        String hash = Digests.sha256Base64Url(request.code());
        StoredAuthorizationCode code = codes.find(hash).orElseThrow(() -> invalidCode("unknown code"));
        AuthorizationCodeBinding binding = code.binding();
        if (!binding.clientId().equals(client.clientId())) {
            // OAuth 2.1 §4.1.3: the code was issued to another client; AC-01 LIB: invalidate it too
            codes.consume(hash, now, Optional.empty());
            throw invalidCode("code of another client");
        }
        if (code.isExpired(now)) {
            throw invalidCode("code expired");
        }
        if (request.redirectUri().isPresent() && !request.redirectUri().get().equals(binding.redirectUri())) {
            // OAuth 2.1 §4.1.3 / RFC 6749 §4.1.3: redirect_uri, when sent, must be identical
            throw GrantErrors.invalidGrant("Parameter redirect_uri does not match the authorization request",
                    GrantErrors.CODE);
        }
        checkPkce(request, binding);
        List<ResourceIndicator> audience = Audiences.narrow(request.resources(), binding.resources(), settings);
        if (code.consumed()) {
            code.issued().ifPresent(i -> refreshTokens.revoke(i, now));
            throw invalidCode("code used twice; what it issued is revoked");
        }
        return redeem(hash, binding, audience, client, now);
    }

    private void checkPkce(AuthorizationCodeGrant request, AuthorizationCodeBinding binding) {
        if (binding.codeChallenge().isEmpty()) {
            if (request.codeVerifier().isPresent()) {
                // OAuth 2.1 §4.1.3: a code_verifier for a code issued without a challenge is invalid_request
                throw OAuthException.invalidRequest("Parameter code_verifier sent for a code without a challenge",
                        GrantErrors.CODE);
            }
            return;
        }
        String verifier = request.codeVerifier().orElseThrow(() -> GrantErrors.invalidGrant(
                "Missing parameter code_verifier", GrantErrors.PKCE));
        // RFC 7636 §4.6: BASE64URL(SHA256(verifier)) must equal the challenge
        if (!binding.codeChallenge().get().matches(new CodeVerifier(verifier))) {
            throw GrantErrors.invalidGrant("Parameter code_verifier does not match the code challenge",
                    GrantErrors.PKCE);
        }
    }

    private AccessTokenResponse redeem(String hash, AuthorizationCodeBinding binding,
            List<ResourceIndicator> audience, AuthenticatedClient client, Instant now) {
        Optional<String> family = client.client().allows(GrantType.REFRESH_TOKEN)
                ? Optional.of(Digests.randomId()) : Optional.empty();
        AccessTokenContent content = new AccessTokenContent(GrantType.AUTHORIZATION_CODE, client.clientId(),
                binding.subject(), audience, binding.scope().isEmpty() ? Optional.empty() : Optional.of(binding.scope()),
                binding.authTime());
        // the access token goes with the refresh token family: revoking the family revokes it (RT-04, RV-05)
        IssuedAccessToken token = family.map(f -> issuer.issueInFamily(content, f)).orElseGet(
                () -> issuer.issue(content));
        IssuedTokens issued = new IssuedTokens(family, token.jti(), token.expiresAt());
        if (!codes.consume(hash, now, Optional.of(issued))) {
            // consumed by a concurrent redemption: this one is the second valid redemption
            codes.find(hash).flatMap(StoredAuthorizationCode::issued).ifPresent(i -> refreshTokens.revoke(i, now));
            throw invalidCode("code used twice; what it issued is revoked");
        }
        Optional<String> refresh = family.map(f -> refreshTokens.startFamily(f, client.clientId(),
                binding.subject(), binding.scope(), binding.resources(), binding.authTime(), now));
        // OIDC Core §3.1.3.3: an ID token when the request was an OpenID Connect one (scope openid)
        Optional<String> idToken = idTokens.filter(i -> binding.scope().contains(OPENID)).map(i -> i.issue(
                client.clientId(), binding.subject(), binding.nonce(), binding.authTime()));
        return Responses.of(token, refresh, idToken);
    }

    private static OAuthException invalidCode(String detail) {
        return GrantErrors.invalidGrant("Invalid authorization code", GrantErrors.CODE, detail);
    }
}
