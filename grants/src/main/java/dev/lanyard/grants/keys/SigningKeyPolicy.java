package dev.lanyard.grants.keys;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How generated signing keys are made and rotated.
 *
 * @param algorithm        the algorithm of new keys
 * @param rotationPeriod   how long a key signs before the next takes over; empty: never rotate
 * @param publishAhead     how long the next key is published before it signs, so that resource servers caching the
 *                         JWKS know it in time; shorter than the rotation period
 * @param retiredRetention how long a replaced key stays published, so that tokens it signed still verify; at least
 *                         the access token lifetime
 */
public record SigningKeyPolicy(SigningAlgorithm algorithm, Optional<Duration> rotationPeriod, Duration publishAhead,
        Duration retiredRetention) {

    public SigningKeyPolicy {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(rotationPeriod, "rotationPeriod");
        Objects.requireNonNull(publishAhead, "publishAhead");
        Objects.requireNonNull(retiredRetention, "retiredRetention");
        if (rotationPeriod.isPresent() && rotationPeriod.get().compareTo(publishAhead) <= 0) {
            throw new IllegalArgumentException("publishAhead must be shorter than the rotation period");
        }
    }

    /** ES256, rotated every 30 days, the next key published 1 day ahead, old keys kept 1 day. */
    public static SigningKeyPolicy defaults() {
        return new SigningKeyPolicy(SigningAlgorithm.ES256, Optional.of(Duration.ofDays(30)), Duration.ofDays(1),
                Duration.ofDays(1));
    }

    /** A copy with another algorithm for new keys. */
    public SigningKeyPolicy withAlgorithm(SigningAlgorithm alg) {
        return new SigningKeyPolicy(alg, rotationPeriod, publishAhead, retiredRetention);
    }
}
