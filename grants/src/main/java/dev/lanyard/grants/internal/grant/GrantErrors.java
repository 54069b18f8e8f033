package dev.lanyard.grants.internal.grant;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/** The errors of the grant handlers, with the rules they cite. */
public final class GrantErrors {

    /** OAuth 2.1 §3.2.4: token error response. */
    public static final SpecRef TOKEN_ERROR = SpecRef.draft(Specs.OAUTH21, "3.2.4");
    /** OAuth 2.1 §4.1.3: code redemption. */
    public static final SpecRef CODE = Specs.OAUTH21_CODE_TOKEN_REQUEST;
    /** OAuth 2.1 §4.3.1: refresh token grant processing. */
    public static final SpecRef REFRESH = SpecRef.draft(Specs.OAUTH21, "4.3.1");
    /** OAuth 2.1 §4.2: client credentials. */
    public static final SpecRef CLIENT_CREDENTIALS = SpecRef.draft(Specs.OAUTH21, "4.2");
    /** RFC 7636 §4.6: the server verifies the code verifier. */
    public static final SpecRef PKCE = SpecRef.rfc(7636, "4.6");

    private GrantErrors() {
    }

    /** {@code invalid_grant}. */
    public static OAuthException invalidGrant(String description, SpecRef rule) {
        return OAuthException.of(OAuthError.INVALID_GRANT, description, rule);
    }

    /** {@code invalid_grant} with an internal reason besides the public description. */
    public static OAuthException invalidGrant(String description, SpecRef rule, String detail) {
        return new OAuthException(OAuthError.INVALID_GRANT.withDescription(description), rule, detail);
    }

    /** {@code invalid_scope}. */
    public static OAuthException invalidScope(String description, SpecRef rule) {
        return OAuthException.of(OAuthError.INVALID_SCOPE, description, rule);
    }

    /** {@code invalid_target}. */
    public static OAuthException invalidTarget(String description) {
        return OAuthException.of(OAuthError.INVALID_TARGET, description, Specs.RFC8707_RESOURCE);
    }

    /** {@code unauthorized_client}. */
    public static OAuthException unauthorizedClient(String description, SpecRef rule) {
        return OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT, description, rule);
    }
}
