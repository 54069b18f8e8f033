package dev.lanyard.cimd;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded {@link CimdDocumentCache} in this JVM's memory: the least recently used entries are dropped beyond
 * {@code maxEntries}, and entries past their stale-if-error lifetime are dropped when read. Thread-safe.
 */
public final class InMemoryCimdDocumentCache implements CimdDocumentCache {

    private final int maxEntries;
    private final InstantSource clock;
    private final LinkedHashMap<String, CachedDocument> entries;

    /**
     * @param maxEntries the most entries kept
     * @param clock      the clock entries expire on
     */
    public InMemoryCimdDocumentCache(long maxEntries, InstantSource clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = (int) Math.min(maxEntries, Integer.MAX_VALUE);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedDocument> eldest) {
                return size() > InMemoryCimdDocumentCache.this.maxEntries;
            }
        };
    }

    @Override
    public synchronized Optional<CachedDocument> get(String clientId) {
        CachedDocument entry = entries.get(clientId);
        if (entry != null && !entry.isUsableWhenFailing(clock.instant())) {
            entries.remove(clientId);
            return Optional.empty();
        }
        return Optional.ofNullable(entry);
    }

    @Override
    public synchronized void put(CachedDocument entry) {
        entries.put(entry.clientId(), entry);
    }

    @Override
    public synchronized void invalidate(String clientId) {
        entries.remove(clientId);
    }

    /** How many entries are kept. */
    public synchronized int size() {
        return entries.size();
    }
}
