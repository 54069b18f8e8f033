package dev.lanyard.grants.auth;

import java.io.Serial;
import java.time.Duration;
import java.util.Objects;

import dev.lanyard.spec.error.OAuthError;

/**
 * Too many failed authentications of one client from one source: answer {@link #error()} (HTTP 429) with
 * {@code Retry-After: }{@link #retryAfter()} seconds.
 */
public final class ThrottledException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final OAuthError ERROR = OAuthError.TEMPORARILY_UNAVAILABLE.withStatus(429)
            .withDescription("Too many failed client authentications; retry later");

    private final Duration retryAfter;

    /** @param retryAfter how long until the client may try again */
    public ThrottledException(Duration retryAfter) {
        super(ERROR.code(), null, false, false);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The body to send, with status 429. */
    public OAuthError error() {
        return ERROR;
    }

    /** How long until the client may try again; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
