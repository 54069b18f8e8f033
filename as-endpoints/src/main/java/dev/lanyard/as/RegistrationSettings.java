package dev.lanyard.as;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.lanyard.grants.client.ClientSecrets;

/**
 * Dynamic client registration (RFC 7591) at {@code /register}, and the client configuration endpoint (RFC 7592) at
 * {@code /register/<client_id>}.
 *
 * @param enabled                  {@code lanyard.as.registration.enabled} (default {@code false}): whether the
 *                                 endpoints exist (404 otherwise) and {@code registration_endpoint} is published
 * @param perMinute                {@code lanyard.as.registration.rate-limit} (default 10): the registrations one
 *                                 source address may attempt per minute; more are answered 429 with
 *                                 {@code Retry-After}
 * @param initialAccessTokenHashes {@code lanyard.as.registration.initial-access-tokens} (default none: open
 *                                 registration): the stored forms ({@code sha256:<base64url>}, see
 *                                 {@link ClientSecrets#hash}) of the initial access tokens that protect registration
 *                                 (RFC 7591 §3); when any is set, a registration needs one as a Bearer token
 * @param unusedTtl                {@code lanyard.as.registration.unused-ttl} (default {@code PT24H}): a registered
 *                                 client that got no token within this time is deleted
 * @param maxUnusedPerSoftware     {@code lanyard.as.registration.max-unused-per-software} (default 3): how many
 *                                 unused registrations of the same software and metadata are kept; a further one
 *                                 replaces the oldest
 * @param deleteEnabled            {@code lanyard.as.registration.delete-enabled} (default {@code true}): whether a
 *                                 client may delete itself (RFC 7592 §2.3); 405 otherwise
 */
public record RegistrationSettings(boolean enabled, int perMinute, List<String> initialAccessTokenHashes,
        Duration unusedTtl, int maxUnusedPerSoftware, boolean deleteEnabled) {

    /** The default of {@code unusedTtl}. */
    public static final Duration DEFAULT_UNUSED_TTL = Duration.ofHours(24);
    /** The default of {@code maxUnusedPerSoftware}. */
    public static final int DEFAULT_MAX_UNUSED_PER_SOFTWARE = 3;

    public RegistrationSettings {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute is positive");
        }
        initialAccessTokenHashes = List.copyOf(initialAccessTokenHashes);
        if (!initialAccessTokenHashes.stream().allMatch(ClientSecrets::isStoredForm)) {
            throw new IllegalArgumentException("initial access tokens are given as sha256:<base64url> stored forms");
        }
        Objects.requireNonNull(unusedTtl, "unusedTtl");
        if (!unusedTtl.isPositive() || maxUnusedPerSoftware < 1) {
            throw new IllegalArgumentException("unusedTtl and maxUnusedPerSoftware are positive");
        }
    }

    /** Open registration: on or off, at this rate, the other defaults. */
    public RegistrationSettings(boolean enabled, int perMinute) {
        this(enabled, perMinute, List.of(), DEFAULT_UNUSED_TTL, DEFAULT_MAX_UNUSED_PER_SOFTWARE, true);
    }

    /** Off; 10 a minute per address when on. */
    public static RegistrationSettings defaults() {
        return new RegistrationSettings(false, 10);
    }

    /** Whether registration needs an initial access token. */
    public boolean isProtected() {
        return !initialAccessTokenHashes.isEmpty();
    }

    /** Never the token hashes. */
    @Override
    public String toString() {
        return "RegistrationSettings[enabled=" + enabled + ", perMinute=" + perMinute + ", protected=" + isProtected()
                + ", unusedTtl=" + unusedTtl + ", maxUnusedPerSoftware=" + maxUnusedPerSoftware + ", deleteEnabled="
                + deleteEnabled + "]";
    }
}
