package dev.lanyard.grants.internal.grant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.store.IssuedTokens;
import dev.lanyard.grants.store.RefreshTokenRecord;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * Opaque refresh tokens: 256 random bits, base64url; only their SHA-256 is stored. Also revokes what a grant issued.
 *
 * <p>Access tokens issued with a family ({@link dev.lanyard.grants.token.AccessTokenIssuer#issueInFamily}) carry
 * the family id before a dot in their {@code jti}. Revoking the family records {@code <family id>.*} among the
 * revoked access tokens for one access token lifetime, and {@link #isRevoked} looks at both: no store is written
 * when a token is issued, none is read per family member.
 */
public final class RefreshTokens {

    // after a family id in the revoked access tokens: no jti ends so ("*" is not base64url)
    private static final String FAMILY_MARK = ".*";

    private final RefreshTokenStore store;
    private final RevokedAccessTokens revokedAccessTokens;
    private final GrantSettings settings;

    /**
     * @param store               the refresh token families
     * @param revokedAccessTokens where revoked access token ids go
     * @param settings            lifetimes
     */
    public RefreshTokens(RefreshTokenStore store, RevokedAccessTokens revokedAccessTokens, GrantSettings settings) {
        this.store = store;
        this.revokedAccessTokens = revokedAccessTokens;
        this.settings = settings;
    }

    /** Starts the family {@code familyId} with a first token; returns the token. */
    public String startFamily(String familyId, String clientId, String subject, Scope scope,
            List<ResourceIndicator> resources, Optional<Instant> authTime, Instant now) {
        String token = Digests.randomToken();
        Instant familyExpiresAt = now.plus(settings.refreshTokenMaxTtl());
        store.save(new RefreshTokenRecord(Digests.sha256Base64Url(token), familyId, clientId, subject, scope,
                resources, authTime, now, idleExpiry(now, familyExpiresAt), familyExpiresAt,
                RefreshTokenState.ACTIVE));
        return token;
    }

    /** When a token issued at {@code now} expires if unused: the idle lifetime, within the family's. */
    public Instant idleExpiry(Instant now, Instant familyExpiresAt) {
        Instant idle = now.plus(settings.refreshTokenIdleTtl());
        return idle.isAfter(familyExpiresAt) ? familyExpiresAt : idle;
    }

    /**
     * Revokes what a code redemption issued: its refresh token family with every access token issued with it, and
     * its access token.
     */
    public void revoke(IssuedTokens issued, Instant now) {
        issued.refreshFamilyId().ifPresent(f -> revokeFamily(f, now));
        revokedAccessTokens.revoke(issued.accessTokenJti(), issued.accessTokenExpiresAt());
    }

    /**
     * Revokes every refresh token of a family and every access token issued with it (OAuth 2.1 §4.3.1, RFC 9700
     * §4.14.2, RFC 7009 §2.1): the access tokens are revoked for as long as the last of them can live.
     */
    public void revokeFamily(String familyId, Instant now) {
        store.revokeFamily(familyId);
        revokedAccessTokens.revoke(familyId + FAMILY_MARK, now.plus(settings.accessTokenTtl()));
    }

    /** Whether the access token {@code jti} was revoked, by itself or with its refresh token family. */
    public static boolean isRevoked(RevokedAccessTokens revoked, String jti) {
        if (revoked.isRevoked(jti)) {
            return true;
        }
        int dot = jti.indexOf('.');
        return dot > 0 && revoked.isRevoked(jti.substring(0, dot) + FAMILY_MARK);
    }
}
