package dev.lanyard.grants.store.jpa;

import static dev.lanyard.grants.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.store.DynamicClientRecord;
import dev.lanyard.grants.store.DynamicClientStore;
import dev.lanyard.grants.store.DynamicClientStoreContract;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on H2 in file mode, and a registration seen by a second node. */
class JpaDynamicClientStoreTest extends DynamicClientStoreContract {

    private final DynamicClientStore store = new JpaDynamicClientStore(TestDatabase.transactions());

    @Override
    protected DynamicClientStore store() {
        return store;
    }

    @Test
    void findWhenRegisteredOnAnotherNodeThenKnownAndDeletionSeenToo() {
        DynamicClientStore other = new JpaDynamicClientStore(TestDatabase.secondNode());
        DynamicClientRecord r = secretClient("fp-two-nodes", T0);
        store.save(r);
        assertThat(other.find(r.clientId())).contains(r);
        assertThat(other.markUsed(r.clientId(), T0.plusSeconds(1))).isTrue();
        assertThat(store.markUsed(r.clientId(), T0.plusSeconds(2))).isFalse();
        assertThat(store.delete(r.clientId())).isTrue();
        assertThat(other.find(r.clientId())).isEmpty();
    }
}
