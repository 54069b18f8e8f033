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
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.RefreshTokenRecord;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.token.AccessTokenContent;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.grants.token.IssuedAccessToken;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.RefreshTokenGrant;

/**
 * The refresh token grant (OAuth 2.1 §4.3), with rotation and reuse detection for every client.
 *
 * <ul>
 *   <li>The token is bound to its client: another client gets {@code invalid_grant} and the token keeps working
 *       (RT-01; A-047).</li>
 *   <li>A rotated token presented again is reuse: the whole family is revoked, with the access tokens issued with
 *       it, {@code invalid_grant} (RT-04, RFC 9700 §4.14.2). Of concurrent uses of one token, the atomic rotation lets exactly one succeed and the
 *       others revoke the family .</li>
 *   <li>Revoked, expired (idle or absolute) tokens, and tokens whose consent was withdrawn: {@code invalid_grant}
 *       (RT-02; A-044).</li>
 *   <li>{@code scope} may only narrow the granted scope ({@code invalid_scope} otherwise); the new refresh token keeps
 *       the original scope (RT-03). Requested resources must have been granted ({@code invalid_target}).</li>
 * </ul>
 */
public final class RefreshTokenGrantHandler implements GrantHandler<RefreshTokenGrant> {

    private final RefreshTokenStore store;
    private final ConsentStore consents;
    private final RefreshTokens refreshTokens;
    private final AccessTokenIssuer issuer;
    private final GrantSettings settings;
    private final Clock clock;

    /**
     * @param store               the refresh token families
     * @param consents            users' consents, which must still cover the grant
     * @param revokedAccessTokens revoked access token ids
     * @param issuer              the access token issuer
     * @param settings            lifetimes and resources
     * @param clock               the time source
     */
    public RefreshTokenGrantHandler(RefreshTokenStore store, ConsentStore consents,
            RevokedAccessTokens revokedAccessTokens, AccessTokenIssuer issuer, GrantSettings settings, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.refreshTokens = new RefreshTokens(store, revokedAccessTokens, settings);
        this.issuer = issuer;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public GrantType grantType() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public Class<RefreshTokenGrant> requestType() {
        return RefreshTokenGrant.class;
    }

    @Override
    public AccessTokenResponse handle(RefreshTokenGrant request, AuthenticatedClient client) {
        Instant now = clock.instant();
        String hash = Digests.sha256Base64Url(request.refreshToken());
        RefreshTokenRecord token = store.find(hash).orElseThrow(() -> invalid("unknown refresh token"));
        if (!token.clientId().equals(client.clientId())) {
            // OAuth 2.1 §4.3.1: the refresh token must have been issued to the authenticated client
            throw invalid("refresh token of another client");
        }
        if (token.state() == RefreshTokenState.ROTATED) {
            // OAuth 2.1 §4.3.1 / RFC 9700 §4.14.2: reuse of a rotated token revokes the whole grant
            refreshTokens.revokeFamily(token.familyId(), now);
            throw invalid("rotated refresh token reused; family revoked");
        }
        if (token.state() == RefreshTokenState.REVOKED || token.isExpired(now)) {
            throw invalid("refresh token revoked or expired");
        }
        boolean consented = consents.find(token.subject(), token.clientId())
                .filter(c -> c.covers(token.scope(), token.resources())).isPresent();
        if (!consented) {
            // OAuth 2.1 §4.3.1: the grant must still be active
            throw invalid("consent withdrawn or narrowed");
        }
        Scope scope = narrowScope(request.scope(), token.scope());
        List<ResourceIndicator> audience = Audiences.narrow(request.resources(), token.resources(), settings);
        String next = Digests.randomToken();
        RefreshTokenRecord successor = token.successor(Digests.sha256Base64Url(next), now,
                refreshTokens.idleExpiry(now, token.familyExpiresAt()));
        if (!store.rotate(hash, successor)) {
            // a concurrent request rotated it first: this use is reuse
            refreshTokens.revokeFamily(token.familyId(), now);
            throw invalid("refresh token used concurrently; family revoked");
        }
        IssuedAccessToken at = issuer.issueInFamily(new AccessTokenContent(GrantType.REFRESH_TOKEN,
                client.clientId(), token.subject(), audience, scope.isEmpty() ? Optional.empty() : Optional.of(scope),
                token.authTime()), token.familyId());
        return Responses.of(at, Optional.of(next));
    }

    private static Scope narrowScope(Optional<Scope> requested, Scope granted) {
        if (requested.isEmpty()) {
            return granted;
        }
        if (!granted.containsAll(requested.get())) {
            // OAuth 2.1 §4.3.1: the requested scope MUST NOT include any scope not originally granted
            throw GrantErrors.invalidScope("The requested scope exceeds the granted scope", GrantErrors.REFRESH);
        }
        return requested.get();
    }

    private static OAuthException invalid(String detail) {
        return GrantErrors.invalidGrant("Invalid refresh token", GrantErrors.REFRESH, detail);
    }
}
