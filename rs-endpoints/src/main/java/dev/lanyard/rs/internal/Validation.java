package dev.lanyard.rs.internal;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.function.Function;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.rs.token.FormPost;

/** The validation pipeline behind {@code AccessTokenValidator}: the verified-token cache, then the JWT verifier. */
public final class Validation {

    private final Clock clock;
    private final JwksKeySource keys;
    private final JwtAccessTokenVerifier verifier;
    private final VerifiedTokenCache cache;
    private final Introspector introspector;

    /** See {@code AccessTokenValidator.create}. */
    public Validation(ResourceServerSettings settings, Function<String, URI> jwksUriOfIssuer,
            Function<URI, String> fetch, FormPost post, Clock clock) {
        this.clock = clock;
        this.keys = new JwksKeySource(settings.jwksUri().isPresent() ? issuer -> settings.jwksUri().get()
                : jwksUriOfIssuer, fetch, settings.jwksRefetchCooldown(), clock);
        this.verifier = new JwtAccessTokenVerifier(settings, keys);
        this.cache = settings.cacheSize() > 0 ? new VerifiedTokenCache(settings.cacheSize(), clock) : null;
        this.introspector = settings.introspection().map(c -> new Introspector(settings, c, post)).orElse(null);
    }

    // A JWT (compact JWS: two dots) is verified locally; anything else is opaque and, when configured, introspected.
    private AccessTokenPrincipal verify(String token) {
        int first = token.indexOf('.');
        boolean jws = first > 0 && token.indexOf('.', token.indexOf('.', first + 1) + 1) < 0
                && token.indexOf('.', first + 1) > 0;
        return jws || introspector == null ? verifier.verify(token, clock.instant())
                : introspector.introspect(token, clock.instant());
    }

    /** Validates, answering from the cache when the same token was verified before and has not expired. */
    public AccessTokenPrincipal validate(String token) {
        if (cache == null) {
            return verify(token);
        }
        ByteBuffer key = VerifiedTokenCache.key(token);
        AccessTokenPrincipal cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        AccessTokenPrincipal verified = verify(token);
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
