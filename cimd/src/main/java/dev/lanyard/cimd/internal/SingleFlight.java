package dev.lanyard.cimd.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one piece of work per key at a time: callers that arrive while it runs wait for its outcome (value or
 * exception) instead of starting their own. Nothing is remembered once the work ends. Internal.
 *
 * @param <K> the key
 * @param <V> the result
 */
public final class SingleFlight<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();
    private final Duration maxWait;
    private final Supplier<RuntimeException> onTimeout;

    /**
     * @param maxWait   the longest a follower waits for the leader's outcome
     * @param onTimeout the exception a follower throws when that wait ends without an outcome
     */
    public SingleFlight(Duration maxWait, Supplier<RuntimeException> onTimeout) {
        this.maxWait = maxWait;
        this.onTimeout = onTimeout;
    }

    /** The outcome of {@code work} for {@code key}: run here, or shared with the call already running it. */
    public V run(K key, Supplier<V> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = flights.putIfAbsent(key, mine);
        if (theirs != null) {
            return await(theirs);
        }
        try {
            V value = work.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    /** How many keys have work running. */
    public int running() {
        return flights.size();
    }

    private V await(CompletableFuture<V> flight) {
        try {
            return flight.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw onTimeout.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw onTimeout.get();
        }
    }
}
