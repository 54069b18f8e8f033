package dev.lanyard.grants.keys;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import dev.lanyard.grants.internal.keys.KeyMaterial;
import dev.lanyard.grants.internal.keys.KeyRing;
import dev.lanyard.grants.internal.keys.StoredKeys;
import dev.lanyard.grants.store.SigningKeyStore;

/**
 * The authorization server's signing keys: signs JWTs with the active key, verifies its own JWTs, and publishes the
 * public JWK set.
 *
 * <p>Two sources: {@link #stored} generates the first key on first use and keeps it in the shared
 * {@link SigningKeyStore} (a restart or a second node uses the same key), then rotates on a schedule, publishing the
 * next key {@link SigningKeyPolicy#publishAhead()} before it signs; {@link #fixed} and {@link #fromKeyStore} use
 * configured keys and never rotate. Thread-safe; signing reads an immutable snapshot.
 *
 * <p>Specifications: RFC 7515, RFC 7517 §5, RFC 7638 ({@code kid}), RFC 9068 §2.1, RFC 8414 §2 ({@code jwks_uri}).
 */
public final class SigningKeys {

    /** How often stored keys are read again, so that a rotation by another node is seen. */
    public static final Duration RELOAD_INTERVAL = Duration.ofSeconds(60);
    /** The longest JWS {@link #verify} looks at. */
    public static final int MAX_JWS_LENGTH = 16 * 1024;

    private final Function<Instant, KeyRing> loader;
    private final Clock clock;
    private volatile KeyRing ring;

    private SigningKeys(Function<Instant, KeyRing> loader, Clock clock) {
        this.loader = loader;
        this.clock = clock;
    }

    /** Keys generated, kept in {@code store}, and rotated by {@code policy}. */
    public static SigningKeys stored(SigningKeyStore store, SigningKeyPolicy policy, Clock clock) {
        return new SigningKeys(new StoredKeys(store, policy, RELOAD_INTERVAL), clock);
    }

    /**
     * Configured keys: a JWK set of private keys, each with a {@code kid}; the first signs, all are published.
     *
     * @throws IllegalArgumentException when the set is not JSON of usable private keys
     */
    public static SigningKeys fixed(String privateJwksJson) {
        try {
            return fixed(JWKSet.parse(privateJwksJson).getKeys());
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK set", e);
        }
    }

    /**
     * Configured keys from a Java key store (PKCS#12 or JKS): every private key entry, in alias order.
     *
     * @throws IllegalArgumentException when the store holds no usable private key
     */
    public static SigningKeys fromKeyStore(KeyStore keyStore, char[] password) {
        try {
            List<JWK> keys = JWKSet.load(keyStore, name -> password).getKeys().stream()
                    .filter(JWK::isPrivate).toList();
            return fixed(keys);
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException("unreadable key store", e);
        }
    }

    private static SigningKeys fixed(List<JWK> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no signing key");
        }
        List<KeyMaterial> material = keys.stream().map(KeyMaterial::of).toList();
        KeyRing ring = new KeyRing(material.get(0), material, Instant.MAX);
        return new SigningKeys(now -> ring, Clock.systemUTC());
    }

    /**
     * Signs {@code payloadJson} with the active key: the compact JWS, with {@code alg}, {@code kid} and {@code typ}
     * in its protected header.
     */
    public String sign(String typ, String payloadJson) {
        return current().active().sign(typ, payloadJson);
    }

    /**
     * The content of {@code compactJws} when one of the published keys signed it with its own algorithm (the
     * {@code kid} header selects the key; {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} are ignored;
     * unknown {@code crit} is refused). Never throws on any input.
     */
    public Optional<VerifiedJws> verify(String compactJws) {
        if (compactJws.length() > MAX_JWS_LENGTH) {
            return Optional.empty();
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compactJws);
        } catch (ParseException e) {
            return Optional.empty();
        }
        String kid = jws.getHeader().getKeyID();
        KeyMaterial key = kid == null ? null : current().published(kid);
        return key == null ? Optional.empty() : key.verify(jws);
    }

    /** The public JWK set to publish at {@code jwks_uri}: next, active and recently retired keys. */
    public String publicJwksJson() {
        return current().publicJwksJson();
    }

    /** The {@code kid} of the key that signs now. */
    public String activeKeyId() {
        return current().active().kid();
    }

    /** Reads the keys again and rotates if due; call it from a scheduler, or let signing do it lazily. */
    public void refresh() {
        synchronized (this) {
            ring = loader.apply(clock.instant());
        }
    }

    private KeyRing current() {
        KeyRing r = ring;
        if (r == null || !clock.instant().isBefore(r.validUntil())) {
            synchronized (this) {
                r = ring;
                Instant now = clock.instant();
                if (r == null || !now.isBefore(r.validUntil())) {
                    r = loader.apply(now);
                    ring = r;
                }
            }
        }
        return Objects.requireNonNull(r);
    }
}
