package dev.lanyard.grants.internal.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;

import dev.lanyard.grants.auth.JwksFetcher;
import dev.lanyard.grants.internal.ClientKeys;

/**
 * Clients' {@code jwks_uri} documents, cached. An unknown {@code kid} triggers at most one refetch per URI within
 * {@link #REFETCH_COOLDOWN}, however many requests name it; a document is reused for at most
 * {@link #MAX_AGE}. Failed fetches are not cached as keys (the cooldown still applies). Bounded.
 */
public final class RemoteJwks {

    /** The shortest time between two fetches of one URI. */
    public static final Duration REFETCH_COOLDOWN = Duration.ofMinutes(5);
    /** The longest a fetched set is used. */
    public static final Duration MAX_AGE = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 10_000;

    private final JwksFetcher fetcher;
    private final Clock clock;
    private final Map<URI, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Optional<JWKSet> keys, Instant fetchedAt) {
    }

    /**
     * @param fetcher the SSRF-safe fetcher
     * @param clock   the time source
     */
    public RemoteJwks(JwksFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** The keys at {@code uri}, refetched when {@code kid} is unknown and the cooldown allows; empty when none. */
    public Optional<JWKSet> get(URI uri, Optional<String> kid) {
        Instant now = clock.instant();
        Entry e = cache.get(uri);
        boolean stale = e == null || now.isAfter(e.fetchedAt().plus(MAX_AGE));
        boolean unknownKid = e != null && kid.isPresent()
                && e.keys().map(k -> k.getKeyByKeyId(kid.get()) == null).orElse(true);
        boolean mayRefetch = e == null || !now.isBefore(e.fetchedAt().plus(REFETCH_COOLDOWN));
        if (stale || unknownKid && mayRefetch) {
            e = cache.compute(uri, (u, old) -> fetch(u, now, old));
        }
        return e.keys();
    }

    private Entry fetch(URI uri, Instant now, Entry old) {
        if (old != null && now.isBefore(old.fetchedAt().plus(REFETCH_COOLDOWN))) {
            return old; // fetched within the cooldown, possibly by a concurrent request
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        try {
            return new Entry(Optional.of(ClientKeys.requirePublicJwks(fetcher.fetch(uri))), now);
        } catch (IOException | IllegalArgumentException e) {
            return new Entry(Optional.empty(), now);
        }
    }
}
