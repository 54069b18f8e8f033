package dev.lanyard.rs.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.lanyard.rs.AccessTokenPrincipal;

/**
 * Tokens already verified, keyed by the SHA-256 of the token (the token itself is never kept, RFC 9700 §4.9),
 * bounded in size, each entry expiring at the token's {@code exp}.
 */
final class VerifiedTokenCache {

    private final Cache<ByteBuffer, AccessTokenPrincipal> cache;
    private final Clock clock;

    VerifiedTokenCache(int maximumSize, Clock clock) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new Expiry<ByteBuffer, AccessTokenPrincipal>() {
                    @Override
                    public long expireAfterCreate(ByteBuffer key, AccessTokenPrincipal value, long currentTime) {
                        return Math.max(0, Duration.between(clock.instant(), value.expiresAt()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(ByteBuffer key, AccessTokenPrincipal value, long currentTime,
                            long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(ByteBuffer key, AccessTokenPrincipal value, long currentTime,
                            long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    static ByteBuffer key(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The verified caller of this token, if cached and not expired. */
    AccessTokenPrincipal get(ByteBuffer key) {
        AccessTokenPrincipal p = cache.getIfPresent(key);
        if (p != null && !clock.instant().isBefore(p.expiresAt())) {
            cache.invalidate(key);
            return null;
        }
        return p;
    }

    void put(ByteBuffer key, AccessTokenPrincipal principal) {
        if (principal.expiresAt().isAfter(Instant.now(clock))) {
            cache.put(key, principal);
        }
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
