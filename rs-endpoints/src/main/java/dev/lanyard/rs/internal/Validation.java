package dev.lanyard.rs.internal;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.function.Function;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.ResourceServerSettings;

/** The validation pipeline behind {@code AccessTokenValidator}: the verified-token cache, then the JWT verifier. */
public final class Validation {

    private final Clock clock;
    private final JwksKeySource keys;
    private final JwtAccessTokenVerifier verifier;
    private final VerifiedTokenCache cache;

    /** See {@code AccessTokenValidator.create}. */
    public Validation(ResourceServerSettings settings, Function<String, URI> jwksUriOfIssuer,
            Function<URI, String> fetch, Clock clock) {
        this.clock = clock;
        this.keys = new JwksKeySource(settings.jwksUri().isPresent() ? issuer -> settings.jwksUri().get()
                : jwksUriOfIssuer, fetch, settings.jwksRefetchCooldown(), clock);
        this.verifier = new JwtAccessTokenVerifier(settings, keys);
        this.cache = settings.cacheSize() > 0 ? new VerifiedTokenCache(settings.cacheSize(), clock) : null;
    }

    /** Validates, answering from the cache when the same token was verified before and has not expired. */
    public AccessTokenPrincipal validate(String token) {
        if (cache == null) {
            return verifier.verify(token, clock.instant());
        }
        ByteBuffer key = VerifiedTokenCache.key(token);
        AccessTokenPrincipal cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        AccessTokenPrincipal verified = verifier.verify(token, clock.instant());
        cache.put(key, verified);
        return verified;
    }

    /** JWKS fetches so far. */
    public int jwksFetchCount() {
        return keys.fetchCount();
    }

    /** Cached tokens. */
    public long cachedTokenCount() {
        return cache == null ? 0 : cache.size();
    }

    /** The cache key of a token. */
    public static ByteBuffer cacheKey(String token) {
        return VerifiedTokenCache.key(token);
    }
}
