package dev.lanyard.grants.internal.idjag;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The user a validated subject token names.
 *
 * @param subject   {@code sub}
 * @param expiresAt when the subject token expires: an ID-JAG never outlives it (TX-07)
 * @param authTime  when the user authenticated, when known
 */
public record ExchangeSubject(String subject, Instant expiresAt, Optional<Instant> authTime) {

    public ExchangeSubject {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(authTime, "authTime");
    }
}
