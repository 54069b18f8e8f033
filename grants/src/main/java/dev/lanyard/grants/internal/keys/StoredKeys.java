package dev.lanyard.grants.internal.keys;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;

import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.grants.store.KeyStatus;
import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.StoredSigningKey;

/**
 * Loads the key ring from the shared store, generating the first key and the next ones on schedule.
 *
 * <p>The effective status of a key follows from its activation time, never from one node's memory: the active key
 * is the highest generation whose {@code activateAt} has passed; higher generations are next; lower ones are
 * retired and stay published for {@link SigningKeyPolicy#retiredRetention()} after their successor took over. A new
 * key is added under the next generation number, which the store keeps unique, so of two nodes rotating at once one
 * wins and both then use its key.
 */
public final class StoredKeys implements Function<Instant, KeyRing> {

    private final SigningKeyStore store;
    private final SigningKeyPolicy policy;
    private final Duration reloadInterval;

    /**
     * @param store          the shared key store
     * @param policy         algorithm and rotation
     * @param reloadInterval how often to look at the store again (other nodes may have rotated)
     */
    public StoredKeys(SigningKeyStore store, SigningKeyPolicy policy, Duration reloadInterval) {
        this.store = store;
        this.policy = policy;
        this.reloadInterval = reloadInterval;
    }

    @Override
    public KeyRing apply(Instant now) {
        List<StoredSigningKey> keys = store.list();
        if (keys.isEmpty()) {
            add(1, now, now);
            keys = store.list();
        }
        StoredSigningKey active = active(keys, now);
        Optional<StoredSigningKey> next = keys.stream().filter(k -> k.generation() > active.generation()).findFirst();
        if (next.isEmpty() && policy.rotationPeriod().isPresent()) {
            Instant due = active.activateAt().plus(policy.rotationPeriod().get());
            if (!now.isBefore(due.minus(policy.publishAhead()))) {
                Instant activateAt = later(due, now.plus(policy.publishAhead()));
                add(active.generation() + 1, now, activateAt);
                keys = store.list();
            }
        }
        return ring(keys, active, now);
    }

    private KeyRing ring(List<StoredSigningKey> keys, StoredSigningKey active, Instant now) {
        List<KeyMaterial> published = new ArrayList<>();
        Instant validUntil = now.plus(reloadInterval);
        KeyMaterial activeMaterial = material(active);
        for (int i = keys.size() - 1; i >= 0; i--) {
            StoredSigningKey k = keys.get(i);
            KeyStatus status = k.generation() > active.generation() ? KeyStatus.NEXT
                    : k.generation() == active.generation() ? KeyStatus.ACTIVE : KeyStatus.RETIRED;
            if (status == KeyStatus.NEXT && k.activateAt().isBefore(validUntil)) {
                validUntil = k.activateAt();
            }
            if (status == KeyStatus.RETIRED && !retainedAt(keys, i, now)) {
                store.delete(k.kid());
                continue;
            }
            if (status != k.status()) {
                store.setStatus(k.kid(), status);
            }
            published.add(status == KeyStatus.ACTIVE ? activeMaterial : material(k));
        }
        return new KeyRing(activeMaterial, published, validUntil);
    }

    // a retired key stays published while its successor has been active for less than the retention
    private boolean retainedAt(List<StoredSigningKey> keys, int index, Instant now) {
        Instant successorActive = keys.get(index + 1).activateAt();
        return now.isBefore(successorActive.plus(policy.retiredRetention()));
    }

    private static StoredSigningKey active(List<StoredSigningKey> keys, Instant now) {
        StoredSigningKey active = keys.get(0);
        for (StoredSigningKey k : keys) {
            if (!k.activateAt().isAfter(now)) {
                active = k;
            }
        }
        return active;
    }

    private void add(long generation, Instant now, Instant activateAt) {
        JWK jwk = KeyGeneration.generate(policy.algorithm());
        KeyStatus status = activateAt.isAfter(now) ? KeyStatus.NEXT : KeyStatus.ACTIVE;
        // false when another node added this generation first: its key is used
        store.add(new StoredSigningKey(jwk.getKeyID(), generation, jwk.toJSONString(), status, now, activateAt));
    }

    private static KeyMaterial material(StoredSigningKey k) {
        try {
            return KeyMaterial.of(JWK.parse(k.jwkJson()));
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + k.kid() + " is not a JWK", e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
