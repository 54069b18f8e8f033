package dev.lanyard.grants;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.ResourceIndicator;

/**
 * The authorization server's protocol settings, read by every service of this module. Start from
 * {@link #defaults(String)} and change what differs with the {@code with...} methods.
 *
 * @param issuer               the issuer identifier ({@code iss} of access tokens, the only accepted {@code aud} of
 *                             client assertions); fixed by configuration, never taken from a request
 * @param accessTokenTtl       access token lifetime; default 5 minutes
 * @param codeTtl              authorization code lifetime; default 60 seconds
 * @param refreshTokenIdleTtl  how long an unused refresh token stays valid; default 1 day
 * @param refreshTokenMaxTtl   the absolute lifetime of a refresh token family; default 30 days
 * @param clockSkew            leeway for {@code exp}, {@code nbf} and {@code iat} of received JWTs; default 60 seconds
 * @param assertionMaxLifetime the longest {@code exp - now} accepted for a client assertion, which bounds the replay
 *                             guard; default 5 minutes
 * @param resources            the resources tokens may be issued for; empty accepts any absolute URI
 * @param defaultResource      the audience when a request names no resource; without it such a request is
 *                             {@code invalid_target}
 */
public record GrantSettings(String issuer, Duration accessTokenTtl, Duration codeTtl, Duration refreshTokenIdleTtl,
        Duration refreshTokenMaxTtl, Duration clockSkew, Duration assertionMaxLifetime,
        List<ResourceIndicator> resources, Optional<ResourceIndicator> defaultResource) {

    public GrantSettings {
        Objects.requireNonNull(issuer, "issuer");
        for (Duration d : List.of(accessTokenTtl, codeTtl, refreshTokenIdleTtl, refreshTokenMaxTtl,
                assertionMaxLifetime)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("lifetimes are positive");
            }
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew is not negative");
        }
        if (refreshTokenIdleTtl.compareTo(refreshTokenMaxTtl) > 0) {
            throw new IllegalArgumentException("refreshTokenIdleTtl exceeds refreshTokenMaxTtl");
        }
        resources = List.copyOf(resources);
        Objects.requireNonNull(defaultResource, "defaultResource");
    }

    /** The defaults for {@code issuer}: 5 min access tokens, 60 s codes, refresh 1 day idle / 30 days, 60 s skew. */
    public static GrantSettings defaults(String issuer) {
        return new GrantSettings(issuer, Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofDays(1),
                Duration.ofDays(30), Duration.ofSeconds(60), Duration.ofMinutes(5), List.of(), Optional.empty());
    }

    /** A copy with another access token lifetime. */
    public GrantSettings withAccessTokenTtl(Duration ttl) {
        return new GrantSettings(issuer, ttl, codeTtl, refreshTokenIdleTtl, refreshTokenMaxTtl, clockSkew,
                assertionMaxLifetime, resources, defaultResource);
    }

    /** A copy with other refresh token lifetimes. */
    public GrantSettings withRefreshTokenTtl(Duration idle, Duration max) {
        return new GrantSettings(issuer, accessTokenTtl, codeTtl, idle, max, clockSkew, assertionMaxLifetime,
                resources, defaultResource);
    }

    /** A copy with the resources tokens may be issued for, and the default audience. */
    public GrantSettings withResources(List<ResourceIndicator> allowed, Optional<ResourceIndicator> fallback) {
        return new GrantSettings(issuer, accessTokenTtl, codeTtl, refreshTokenIdleTtl, refreshTokenMaxTtl, clockSkew,
                assertionMaxLifetime, allowed, fallback);
    }

    /** Whether tokens may be issued for {@code resource}. */
    public boolean allowsResource(ResourceIndicator resource) {
        return resources.isEmpty() || resources.contains(resource);
    }
}
