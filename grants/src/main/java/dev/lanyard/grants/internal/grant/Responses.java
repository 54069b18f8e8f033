package dev.lanyard.grants.internal.grant;

import java.util.Map;
import java.util.Optional;

import dev.lanyard.grants.token.IssuedAccessToken;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.token.AccessTokenResponse;

/** Token responses (RFC 6749 §5.1, OAuth 2.1 §3.2.3): Bearer, {@code expires_in}, the granted scope. */
public final class Responses {

    private Responses() {
    }

    /** The response for {@code token}, with a refresh token when one was issued. */
    public static AccessTokenResponse of(IssuedAccessToken token, Optional<String> refreshToken) {
        return of(token, refreshToken, Optional.empty());
    }

    /** The response for {@code token}, with a refresh token and an ID token (OIDC Core §3.1.3.3) when issued. */
    public static AccessTokenResponse of(IssuedAccessToken token, Optional<String> refreshToken,
            Optional<String> idToken) {
        Optional<Scope> scope = token.claims().scope();
        return new AccessTokenResponse(token.value(), AccessTokenResponse.BEARER, Optional.of(token.expiresIn()),
                refreshToken, scope, Optional.empty(), idToken, Map.of());
    }
}
