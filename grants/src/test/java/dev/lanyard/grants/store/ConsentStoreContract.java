package dev.lanyard.grants.store;

import static dev.lanyard.grants.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.testing.Concurrently;
import dev.lanyard.spec.core.Scope;

/** What every {@link ConsentStore} guarantees. */
public abstract class ConsentStoreContract {

    /** For the implementations\' tests. */
    protected ConsentStoreContract() {
    }

    /** The store under test. */
    protected abstract ConsentStore store();

    @Test
    void findWhenSavedThenBackAndReplacedBySecondSave() {
        String user = "u-" + Digests.randomId();
        store().save(new Consent(user, "pub1", Scope.of("items:read"), List.of(StoreFixtures.RS), T0));
        Consent wider = new Consent(user, "pub1", Scope.of("items:read", "items:write"), List.of(StoreFixtures.RS),
                T0.plusSeconds(5));
        store().save(wider);
        assertThat(store().find(user, "pub1")).contains(wider);
        assertThat(store().find(user, "pub2")).isEmpty();
    }

    @Test
    void withdrawWhenPresentThenGone() {
        String user = "u-" + Digests.randomId();
        store().save(new Consent(user, "https://cimd.example.test/app", Scope.of("a"), List.of(), T0));
        assertThat(store().withdraw(user, "https://cimd.example.test/app")).isTrue();
        assertThat(store().find(user, "https://cimd.example.test/app")).isEmpty();
        assertThat(store().withdraw(user, "https://cimd.example.test/app")).isFalse();
    }

    @Test
    void saveWhenTwentyAtOnceForOneUserAndClientThenEachSucceedsAndOneConsentKept() throws InterruptedException {
        // a double-submitted consent form, or two nodes: saving replaces, it never fails on the existing row
        String user = "u-" + Digests.randomId();
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<Object> results = Concurrently.run(20, () -> {
            store().save(new Consent(user, "pub1", Scope.of("items:read"), List.of(StoreFixtures.RS),
                    T0.plusSeconds(n.incrementAndGet())));
            return "saved";
        });
        assertThat(results).containsOnly("saved");
        assertThat(store().find(user, "pub1")).get().extracting(Consent::scope).isEqualTo(Scope.of("items:read"));
    }
}
