package dev.lanyard.cimd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SingleFlightTest {

    @Test
    void runWhenConcurrentCallsForOneKeyThenWorkRunsOnceAndAllShareResult() throws Exception {
        SingleFlight<String, Integer> flight = new SingleFlight<>(Duration.ofSeconds(5), IllegalStateException::new);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            Future<Integer> leader = pool.submit(() -> flight.run("k", () -> {
                inside.countDown();
                await(release);
                return runs.incrementAndGet();
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> followers = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                followers.add(pool.submit(() -> flight.run("k", runs::incrementAndGet)));
            }
            while (flight.running() != 1) {
                Thread.onSpinWait();
            }
            Thread.sleep(100);
            release.countDown();
            assertThat(leader.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<Integer> f : followers) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs.get()).isEqualTo(1);
        assertThat(flight.running()).isZero();
    }

    @Test
    void runWhenWorkFailsThenSameExceptionAndNothingRemembered() {
        SingleFlight<String, Integer> flight = new SingleFlight<>(Duration.ofSeconds(1), IllegalStateException::new);
        assertThatThrownBy(() -> flight.run("k", () -> {
            throw new IllegalArgumentException("boom");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
        assertThat(flight.run("k", () -> 7)).isEqualTo(7);
    }

    @Test
    void runWhenLeaderTooSlowThenFollowerGetsTimeoutException() throws Exception {
        SingleFlight<String, Integer> flight = new SingleFlight<>(Duration.ofMillis(100),
                () -> new IllegalStateException("waited too long"));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> flight.run("k", () -> {
                inside.countDown();
                await(release);
                return 1;
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> flight.run("k", () -> 2)).hasMessage("waited too long");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
