package dev.lanyard.as;

/**
 * Dynamic client registration (RFC 7591) at {@code /register}.
 *
 * @param enabled   {@code lanyard.as.registration.enabled} (default {@code false}): whether the endpoint exists (404
 *                  otherwise) and is published as {@code registration_endpoint}
 * @param perMinute {@code lanyard.as.registration.rate-limit} (default 10): the registrations one source address may
 *                  attempt per minute; more are answered 429 with {@code Retry-After}
 */
public record RegistrationSettings(boolean enabled, int perMinute) {

    public RegistrationSettings {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute is positive");
        }
    }

    /** Off; 10 a minute per address when on. */
    public static RegistrationSettings defaults() {
        return new RegistrationSettings(false, 10);
    }
}
