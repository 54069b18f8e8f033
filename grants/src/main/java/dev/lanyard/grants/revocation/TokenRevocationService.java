package dev.lanyard.grants.revocation;

import java.time.Clock;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.internal.AccessTokens;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.internal.grant.RefreshTokens;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.RefreshTokenRecord;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;
import dev.lanyard.spec.token.RevocationRequest;
import dev.lanyard.spec.token.TokenTypeHint;

/**
 * Token revocation (RFC 7009) without HTTP. The endpoint authenticates the client first (as at the token endpoint),
 * then calls {@link #revoke}, and answers 200 with an empty body unless it throws.
 *
 * <ul>
 *   <li>A refresh token: its whole family is revoked, and the access tokens issued with it (RFC 7009 §2.1: SHOULD;
 *       RV-05).</li>
 *   <li>An access token of this server: its {@code jti} is recorded as revoked until it expires; introspection then
 *       says {@code active:false}.</li>
 *   <li>A token of another client: a confidential client gets {@code invalid_request}; a public client's request is
 *       a silent no-op (RV-02 LIB; A-065). Nothing is revoked either way.</li>
 *   <li>An unknown, invalid, expired or already revoked token: nothing to do, success (RFC 7009 §2.2; A-063).</li>
 * </ul>
 * The hint orders the search; a token not found under it is searched under the other type (RFC 7009 §2.1).
 */
public final class TokenRevocationService {

    private final RefreshTokenStore refreshTokens;
    private final RefreshTokens families;
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
    public TokenRevocationService(RefreshTokenStore refreshTokens, RevokedAccessTokens revokedAccessTokens,
            SigningKeys keys, GrantSettings settings, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.families = new RefreshTokens(refreshTokens, revokedAccessTokens, settings);
        this.revokedAccessTokens = revokedAccessTokens;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Revokes {@code request.token()} for {@code client}.
     *
     * @throws OAuthException {@code invalid_request} when a confidential client names another client's token
     */
    public void revoke(RevocationRequest request, AuthenticatedClient client) {
        boolean accessFirst = request.tokenTypeHint().filter(TokenTypeHint.ACCESS_TOKEN::equals).isPresent();
        if (accessFirst) {
            if (!revokeAccessToken(request.token(), client)) {
                revokeRefreshToken(request.token(), client);
            }
        } else if (!revokeRefreshToken(request.token(), client)) {
            revokeAccessToken(request.token(), client);
        }
    }

    private boolean revokeRefreshToken(String token, AuthenticatedClient client) {
        Optional<RefreshTokenRecord> found = refreshTokens.find(Digests.sha256Base64Url(token));
        if (found.isEmpty()) {
            return false;
        }
        if (owns(client, found.get().clientId())) {
            families.revokeFamily(found.get().familyId(), clock.instant());
        }
        return true;
    }

    private boolean revokeAccessToken(String token, AuthenticatedClient client) {
        Optional<AccessTokenClaims> claims = AccessTokens.read(token, keys, settings);
        if (claims.isEmpty()) {
            return false;
        }
        if (owns(client, claims.get().clientId()) && claims.get().expiration().isAfter(clock.instant())) {
            revokedAccessTokens.revoke(claims.get().jti(), claims.get().expiration());
        }
        return true;
    }

    // RFC 7009 §2.1: the server verifies that the token was issued to the client making the request
    private static boolean owns(AuthenticatedClient client, String owner) {
        if (owner.equals(client.clientId())) {
            return true;
        }
        if (client.client().isConfidential()) {
            throw OAuthException.invalidRequest("The token was not issued to this client", Specs.RFC7009_REQUEST);
        }
        return false;
    }
}
