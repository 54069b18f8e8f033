package dev.lanyard.rs.internal;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;

/**
 * The public keys of each trusted issuer, from its JWKS (RFC 7517), fetched through the project's SSRF-safe
 * fetcher. A token naming an unknown {@code kid} triggers at most one refetch per cooldown (RFC 9068 §4 key
 * rotation, without letting an attacker make us fetch on every request).
 */
final class JwksKeySource {

    private static final Logger LOG = Logger.getLogger(JwksKeySource.class.getName());

    private final Function<String, URI> jwksUriOfIssuer;
    private final Function<URI, String> fetch;
    private final Duration cooldown;
    private final Clock clock;
    private final Map<String, IssuerKeys> byIssuer = new ConcurrentHashMap<>();

    /**
     * @param jwksUriOfIssuer finds the JWKS URL of an issuer (its metadata's {@code jwks_uri}, or configuration)
     * @param fetch           fetches a document body; throws on any failure
     * @param cooldown        the shortest time between two fetches for one issuer
     * @param clock           the clock
     */
    JwksKeySource(Function<String, URI> jwksUriOfIssuer, Function<URI, String> fetch, Duration cooldown, Clock clock) {
        this.jwksUriOfIssuer = jwksUriOfIssuer;
        this.fetch = fetch;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /**
     * The signature verification key of {@code issuer} with {@code kid} (or, when {@code kid} is absent, its only
     * signing key of that type).
     */
    Optional<JWK> find(String issuer, Optional<String> kid, String keyType) {
        IssuerKeys keys = byIssuer.get(issuer);
        if (keys == null) {
            keys = byIssuer.computeIfAbsent(issuer, i -> new IssuerKeys());
        }
        Optional<JWK> found = keys.lookup(kid, keyType);
        if (found.isEmpty() && keys.mayFetch(clock.instant(), cooldown)) {
            synchronized (keys) {
                found = keys.lookup(kid, keyType);
                if (found.isEmpty() && keys.mayFetch(clock.instant(), cooldown)) {
                    keys.refresh(load(issuer), clock.instant());
                    found = keys.lookup(kid, keyType);
                }
            }
        }
        return found;
    }

    /** Number of JWKS fetches made so far, for all issuers (for tests and metrics). */
    int fetchCount() {
        return byIssuer.values().stream().mapToInt(k -> k.fetches).sum();
    }

    private List<JWK> load(String issuer) {
        URI uri = jwksUriOfIssuer.apply(issuer);
        try {
            List<JWK> keys = JWKSet.parse(fetch.apply(uri)).getKeys().stream()
                    .filter(k -> !k.isPrivate()) // a JWKS never carries private keys; ignore them if one does
                    .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
                    .toList();
            LOG.fine(() -> "Loaded " + keys.size() + " signing keys of " + issuer + " from " + uri);
            return keys;
        } catch (ParseException e) {
            LOG.log(Level.WARNING, "The JWKS of " + issuer + " at " + uri + " is not a JWK set: " + e.getMessage());
            return List.of();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not fetch the JWKS of " + issuer + " at " + uri + ": " + e.getMessage());
            return List.of();
        }
    }

    private static final class IssuerKeys {
        private volatile List<JWK> keys = List.of();
        private volatile Instant lastFetch;
        private int fetches;

        Optional<JWK> lookup(Optional<String> kid, String keyType) {
            JWK only = null;
            for (JWK k : keys) {
                if (!k.getKeyType().getValue().equals(keyType)) {
                    continue;
                }
                if (kid.isPresent()) {
                    if (kid.get().equals(k.getKeyID())) {
                        return Optional.of(k);
                    }
                } else if (only == null) {
                    only = k;
                } else {
                    return Optional.empty(); // no kid and several keys of the type: ambiguous
                }
            }
            return Optional.ofNullable(only);
        }

        boolean mayFetch(Instant now, Duration cooldown) {
            Instant last = lastFetch;
            return last == null || !now.isBefore(last.plus(cooldown));
        }

        void refresh(List<JWK> loaded, Instant now) {
            fetches++;
            lastFetch = now;
            if (!loaded.isEmpty()) {
                keys = List.copyOf(loaded);
            }
        }
    }
}
