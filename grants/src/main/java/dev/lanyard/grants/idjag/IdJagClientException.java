package dev.lanyard.grants.idjag;

import java.io.Serial;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.error.OAuthError;

/**
 * A leg of {@link IdJagClient} failed: the server answered an error, an unusable response, or could not be reached.
 */
public final class IdJagClientException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Which server failed. */
    public enum Leg {
        /** The token exchange at the IdP. */
        IDENTITY_PROVIDER,
        /** The JWT bearer grant at the resource authorization server. */
        RESOURCE_AUTHORIZATION_SERVER
    }

    private final Leg leg;
    private final transient OAuthError error;

    /**
     * @param leg     the leg that failed
     * @param error   the error the server answered, or {@code null} when it answered no error
     * @param message what went wrong
     * @param cause   the cause, or {@code null}
     */
    public IdJagClientException(Leg leg, OAuthError error, String message, Throwable cause) {
        super(message, cause);
        this.leg = Objects.requireNonNull(leg, "leg");
        this.error = error;
    }

    /** The leg that failed. */
    public Leg leg() {
        return leg;
    }

    /** The server's error response ({@code invalid_grant}, {@code invalid_target}, ...), when it sent one. */
    public Optional<OAuthError> error() {
        return Optional.ofNullable(error);
    }
}
