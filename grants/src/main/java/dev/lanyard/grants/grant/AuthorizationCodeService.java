package dev.lanyard.grants.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.store.AuthorizationCodeBinding;
import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.StoredAuthorizationCode;
import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

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

    /**
     * A new code for {@code binding} after checking it against {@code client} once more (defence in depth behind the
     * authorization endpoint): the client may use the code grant ({@code unauthorized_client}); the redirect URI is
     * one it registered, compared by {@link RedirectUri#matches} (RU cases; {@code invalid_request}, never to be
     * redirected); the scope is within the client's scope ({@code invalid_scope}; A-015); a PKCE challenge with
     * {@code S256} is present ({@code invalid_request}; OAuth 2.1 §4.1.1 and MCP require PKCE; A-011).
     *
     * @throws OAuthException as listed
     */
    public String issue(RegisteredClient client, AuthorizationCodeBinding binding) {
        if (!client.clientId().equals(binding.clientId())) {
            throw new IllegalArgumentException("the binding names another client");
        }
        if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
            throw OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT, "The client may not use the authorization code grant",
                    Specs.OAUTH21_AUTHORIZATION_ERROR);
        }
        if (client.redirectUris().stream().noneMatch(r -> r.matches(binding.redirectUri()))) {
            throw OAuthException.invalidRequest("Parameter redirect_uri does not match a registered redirect URI",
                    Specs.OAUTH21_REDIRECT_REGISTRATION);
        }
        if (!client.scope().containsAll(binding.scope())) {
            throw OAuthException.of(OAuthError.INVALID_SCOPE, "The requested scope exceeds the client's scope",
                    Specs.OAUTH21_AUTHORIZATION_ERROR);
        }
        if (binding.codeChallenge().isEmpty() || !binding.codeChallengeMethod().orElseThrow().isSupported()) {
            throw OAuthException.invalidRequest("Parameter code_challenge with code_challenge_method S256 is required",
                    Specs.OAUTH21_AUTHORIZATION_REQUEST);
        }
        return issue(binding);
    }

    /**
     * A new code for {@code binding}, which the caller has validated; give it to the client in the redirect, never
     * log it.
     */
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
