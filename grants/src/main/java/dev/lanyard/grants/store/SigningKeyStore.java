package dev.lanyard.grants.store;

import java.util.List;

/**
 * The authorization server's signing keys, shared by every node so that a restart or a second node signs with the
 * same keys.
 */
public interface SigningKeyStore {

    /** Every key, in generation order. */
    List<StoredSigningKey> list();

    /**
     * Adds a key, atomically refusing it when its {@code kid} or generation is taken.
     *
     * @return whether it was added (of two nodes adding the same generation, exactly one gets {@code true})
     */
    boolean add(StoredSigningKey key);

    /** Records a key's status. */
    void setStatus(String kid, KeyStatus status);

    /** Deletes a key. */
    void delete(String kid);
}
