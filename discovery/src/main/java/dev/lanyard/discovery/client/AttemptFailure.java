package dev.lanyard.discovery.client;

import java.io.Serial;

/**
 * A URL that gave no usable document, thrown out of a cache loader so that nothing is cached. {@code fatal} failures
 * (a document found that breaks a rule) stop discovery; the others move on to the next URL.
 */
final class AttemptFailure extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient DiscoveryAttempt attempt;

    AttemptFailure(DiscoveryAttempt attempt) {
        super(attempt.toString(), null, false, false);
        this.attempt = attempt;
    }

    DiscoveryAttempt attempt() {
        return attempt;
    }

    boolean fatal() {
        return attempt.outcome() == DiscoveryAttempt.Outcome.REJECTED;
    }
}
