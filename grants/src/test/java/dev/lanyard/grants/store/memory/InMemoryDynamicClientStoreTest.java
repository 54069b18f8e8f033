package dev.lanyard.grants.store.memory;

import static dev.lanyard.grants.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.store.DynamicClientStore;
import dev.lanyard.grants.store.DynamicClientStoreContract;
import dev.lanyard.grants.store.StoreCapacityException;

class InMemoryDynamicClientStoreTest extends DynamicClientStoreContract {

    private final DynamicClientStore store = new InMemoryDynamicClientStore(1000);

    @Override
    protected DynamicClientStore store() {
        return store;
    }

    @Test
    void saveWhenFullThenRefused() {
        DynamicClientStore small = new InMemoryDynamicClientStore(1);
        small.save(secretClient("fp", T0));
        assertThatThrownBy(() -> small.save(secretClient("fp", T0))).isInstanceOf(StoreCapacityException.class);
    }
}
