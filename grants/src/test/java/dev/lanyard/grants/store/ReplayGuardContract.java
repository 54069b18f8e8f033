package dev.lanyard.grants.store;

import static dev.lanyard.grants.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.testing.Concurrently;

/** What every {@link ReplayGuard} guarantees. */
public abstract class ReplayGuardContract {

    /** For the implementations\' tests. */
    protected ReplayGuardContract() {
    }

    /** The guard under test. */
    protected abstract ReplayGuard guard();

    @Test
    void firstUseWhenSecondTimeThenFalse() {
        String key = "pkj1:" + Digests.randomId();
        assertThat(guard().firstUse(key, T0.plusSeconds(3600 * 24 * 365 * 10L))).isTrue();
        assertThat(guard().firstUse(key, T0.plusSeconds(3600 * 24 * 365 * 10L))).isFalse();
    }

    @Test
    void firstUseWhenLongKeyThenStillChecked() {
        String key = "x".repeat(600) + Digests.randomId();
        assertThat(guard().firstUse(key, T0.plusSeconds(3600 * 24 * 365 * 10L))).isTrue();
        assertThat(guard().firstUse(key, T0.plusSeconds(3600 * 24 * 365 * 10L))).isFalse();
    }

    @Test
    void firstUseWhenFiftyAtOnceThenExactlyOne() throws InterruptedException {
        String key = "pkj1:" + Digests.randomId();
        List<Object> results = Concurrently.run(50, () -> guard().firstUse(key, T0.plusSeconds(3600 * 24 * 3650L)));
        assertThat(results).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(results).filteredOn(Boolean.FALSE::equals).hasSize(49);
    }
}
