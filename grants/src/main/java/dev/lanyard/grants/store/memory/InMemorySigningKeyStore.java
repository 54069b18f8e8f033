package dev.lanyard.grants.store.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.lanyard.grants.store.KeyStatus;
import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.StoredSigningKey;

/** Signing keys in memory: lost on restart, so only for tests and single-node development. */
public final class InMemorySigningKeyStore implements SigningKeyStore {

    private final List<StoredSigningKey> keys = new ArrayList<>();

    /** An empty store. */
    public InMemorySigningKeyStore() {
    }

    @Override
    public synchronized List<StoredSigningKey> list() {
        return keys.stream().sorted(Comparator.comparingLong(StoredSigningKey::generation)).toList();
    }

    @Override
    public synchronized boolean add(StoredSigningKey key) {
        boolean taken = keys.stream().anyMatch(k -> k.kid().equals(key.kid()) || k.generation() == key.generation());
        if (taken) {
            return false;
        }
        keys.add(key);
        return true;
    }

    @Override
    public synchronized void setStatus(String kid, KeyStatus status) {
        keys.replaceAll(k -> k.kid().equals(kid)
                ? new StoredSigningKey(k.kid(), k.generation(), k.jwkJson(), status, k.createdAt(), k.activateAt())
                : k);
    }

    @Override
    public synchronized void delete(String kid) {
        keys.removeIf(k -> k.kid().equals(kid));
    }
}
