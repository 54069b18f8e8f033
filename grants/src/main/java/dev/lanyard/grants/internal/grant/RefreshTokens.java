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
 */
public final class RefreshTokens {

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

    /** Revokes what a code redemption issued: its refresh token family and its access token. */
    public void revoke(IssuedTokens issued) {
        issued.refreshFamilyId().ifPresent(store::revokeFamily);
        revokedAccessTokens.revoke(issued.accessTokenJti(), issued.accessTokenExpiresAt());
    }
}
