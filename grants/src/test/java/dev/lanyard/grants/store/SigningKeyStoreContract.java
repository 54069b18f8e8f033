package dev.lanyard.grants.store;

import static dev.lanyard.grants.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SigningKeyStore} guarantees. */
public abstract class SigningKeyStoreContract {

    /** For the implementations\' tests. */
    protected SigningKeyStoreContract() {
    }

    /** The store under test. */
    protected abstract SigningKeyStore store();

    @BeforeEach
    void empty() {
        store().list().forEach(k -> store().delete(k.kid()));
    }

    private static StoredSigningKey key(String kid, long generation) {
        return new StoredSigningKey(kid, generation, "{\"kty\":\"EC\"}", KeyStatus.ACTIVE, T0, T0);
    }

    @Test
    void addWhenGenerationTakenThenFalse() {
        assertThat(store().add(key("k1", 1))).isTrue();
        assertThat(store().add(key("k2", 1))).isFalse();
        assertThat(store().add(key("k1", 2))).isFalse();
        assertThat(store().list()).extracting(StoredSigningKey::kid).containsExactly("k1");
    }

    @Test
    void listWhenSeveralThenInGenerationOrderWithStatus() {
        store().add(key("k2", 2));
        store().add(key("k1", 1));
        store().setStatus("k1", KeyStatus.RETIRED);
        assertThat(store().list()).extracting(StoredSigningKey::kid).containsExactly("k1", "k2");
        assertThat(store().list().get(0).status()).isEqualTo(KeyStatus.RETIRED);
        assertThat(store().list().get(0).jwkJson()).isEqualTo("{\"kty\":\"EC\"}");
    }
}
