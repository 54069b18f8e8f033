package dev.lanyard.grants.internal.auth;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * The errors of client authentication. Every {@code invalid_client} carries the same public description, so that
 * the answer does not tell an unknown client from a wrong secret; the reason goes to {@link OAuthException#detail()}
 * for the log.
 */
public final class AuthFailures {

    /** OAuth 2.1 §2.4: client authentication. */
    public static final SpecRef CLIENT_AUTH = SpecRef.draft(Specs.OAUTH21, "2.4");
    /** RFC 7523 §3 as updated by 7523bis §4: assertion processing. */
    public static final SpecRef ASSERTION = SpecRef.draft(Specs.RFC7523BIS, "4");

    private AuthFailures() {
    }

    /** {@code invalid_client} (401) with the generic description and an internal reason. */
    public static OAuthException invalidClient(String reason, SpecRef rule) {
        return new OAuthException(OAuthError.INVALID_CLIENT.withDescription("Client authentication failed"), rule,
                reason);
    }

    /** {@code invalid_request} (400). */
    public static OAuthException invalidRequest(String description, SpecRef rule) {
        return OAuthException.invalidRequest(description, rule);
    }
}
