package dev.lanyard.grants.idjag;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of both ID-JAG roles. Start from {@link #defaults()}.
 *
 * @param idJagLifetime         IdP: how long an issued ID-JAG is valid, at most the subject token's remaining life;
 *                              short by design (default 5 minutes)
 * @param maxSubjectTokenLength IdP: the longest {@code subject_token} accepted, in characters (default 4096; larger
 *                              tokens are {@code invalid_request}, never a fallback to another grant: A-084)
 * @param maxAssertionLifetime  resource authorization server: the longest {@code exp - now} accepted for an ID-JAG
 *                              (default 10 minutes), which also bounds how long the replay guard keeps its
 *                              {@code jti}
 * @param oneTimeUse            resource authorization server: whether an ID-JAG's {@code jti} is accepted once only
 *                              (default {@code true}); without it, the draft's §4.4.3 re-presentation of a still
 *                              valid ID-JAG works
 * @param authorizationDetailTypes resource authorization server: the authorization detail {@code type}s (RFC 9396
 *                              §2) it grants from an ID-JAG (default none): entries of other types are not granted
 *                              (§4.4.1: a subset), and a client asking for one is refused
 *                              ({@code invalid_authorization_details}, RFC 9396 §5)
 */
public record IdJagSettings(Duration idJagLifetime, int maxSubjectTokenLength, Duration maxAssertionLifetime,
        boolean oneTimeUse, Set<String> authorizationDetailTypes) {

    /** Settings that grant no authorization details. */
    public IdJagSettings(Duration idJagLifetime, int maxSubjectTokenLength, Duration maxAssertionLifetime,
            boolean oneTimeUse) {
        this(idJagLifetime, maxSubjectTokenLength, maxAssertionLifetime, oneTimeUse, Set.of());
    }

    public IdJagSettings {
        authorizationDetailTypes = Collections.unmodifiableSet(new LinkedHashSet<>(authorizationDetailTypes));
        Objects.requireNonNull(idJagLifetime, "idJagLifetime");
        Objects.requireNonNull(maxAssertionLifetime, "maxAssertionLifetime");
        if (idJagLifetime.isNegative() || idJagLifetime.isZero() || maxAssertionLifetime.isNegative()
                || maxAssertionLifetime.isZero()) {
            throw new IllegalArgumentException("lifetimes are positive");
        }
        if (maxSubjectTokenLength <= 0) {
            throw new IllegalArgumentException("maxSubjectTokenLength is positive");
        }
    }

    /**
     * ID-JAGs of 5 minutes, subject tokens up to 4096 characters, assertions up to 10 minutes, one-time use, no
     * authorization details.
     */
    public static IdJagSettings defaults() {
        return new IdJagSettings(Duration.ofMinutes(5), 4096, Duration.ofMinutes(10), true);
    }

    /** A copy with another ID-JAG lifetime. */
    public IdJagSettings withIdJagLifetime(Duration lifetime) {
        return new IdJagSettings(lifetime, maxSubjectTokenLength, maxAssertionLifetime, oneTimeUse,
                authorizationDetailTypes);
    }

    /** A copy with another subject token cap. */
    public IdJagSettings withMaxSubjectTokenLength(int length) {
        return new IdJagSettings(idJagLifetime, length, maxAssertionLifetime, oneTimeUse, authorizationDetailTypes);
    }

    /** A copy with another longest accepted ID-JAG lifetime. */
    public IdJagSettings withMaxAssertionLifetime(Duration lifetime) {
        return new IdJagSettings(idJagLifetime, maxSubjectTokenLength, lifetime, oneTimeUse, authorizationDetailTypes);
    }

    /** A copy with one-time use on or off. */
    public IdJagSettings withOneTimeUse(boolean once) {
        return new IdJagSettings(idJagLifetime, maxSubjectTokenLength, maxAssertionLifetime, once,
                authorizationDetailTypes);
    }

    /** A copy that grants authorization details of {@code types} (resource authorization server). */
    public IdJagSettings withAuthorizationDetailTypes(Set<String> types) {
        return new IdJagSettings(idJagLifetime, maxSubjectTokenLength, maxAssertionLifetime, oneTimeUse, types);
    }
}
