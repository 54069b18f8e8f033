package dev.lanyard.grants.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.store.AuthorizationCodeBinding;
import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.StoredAuthorizationCode;

/**
 * Issues authorization codes at the end of the authorization endpoint's work: 256 random bits, base64url; only the
 * SHA-256 is stored, with the binding, for {@link GrantSettings#codeTtl()} (60 seconds by default).
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#OAUTH21} §4.1.2 (short lifetime, single use); RFC 9700
 * §4.5.
 */
public final class AuthorizationCodeService {

    private final AuthorizationCodeStore store;
    private final GrantSettings settings;
    private final Clock clock;

    /**
     * @param store    the code store
     * @param settings the code lifetime
     * @param clock    the time source
     */
    public AuthorizationCodeService(AuthorizationCodeStore store, GrantSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new code for {@code binding}; give it to the client in the redirect, never log it. */
    public String issue(AuthorizationCodeBinding binding) {
        String code = Digests.randomToken();
        Instant now = clock.instant();
        store.save(new StoredAuthorizationCode(Digests.sha256Base64Url(code), binding, now,
                now.plus(settings.codeTtl()), false, Optional.empty()));
        return code;
    }

    /**
     * Deletes codes whose lifetime ended more than {@link GrantSettings#accessTokenTtl()} ago: consumed codes are
     * kept that long so that a late second redemption still revokes what the first issued. Call it on a schedule.
     *
     * @return how many were deleted
     */
    public int purge() {
        return store.purgeExpired(clock.instant().minus(settings.accessTokenTtl()));
    }
}
