package dev.lanyard.as.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.microprofile.config.Config;

import dev.lanyard.as.AsConfigKeys;
import dev.lanyard.cimd.CimdSettings;
import dev.lanyard.cimd.CimdTrustPolicy;
import dev.lanyard.spec.core.ClientAuthMethod;

/**
 * Reads the {@code lanyard.as.cimd.*} keys into {@link CimdSettings}: enabling needs the acknowledged draft revision
 * ({@link AsConfigKeys#CIMD_ACK}); the test trust store is accepted only with the test switch on.
 */
final class CimdReader {

    private final ConfigReads in;

    CimdReader(ConfigReads in) {
        this.in = in;
    }

    CimdSettings read() {
        CimdSettings d = CimdSettings.defaults();
        boolean enabled = in.bool(AsConfigKeys.CIMD_ENABLED, false);
        if (enabled && !in.string(AsConfigKeys.CIMD_ACK).map(CimdSettings.ACKNOWLEDGED_DRAFT::equals).orElse(false)) {
            in.problem(AsConfigKeys.CIMD_ACK + " must be " + CimdSettings.ACKNOWLEDGED_DRAFT + " to enable "
                    + AsConfigKeys.CIMD_ENABLED + " (the draft revision this server implements)");
        }
        CimdTrustPolicy trust = d.trustPolicy();
        try {
            trust = CimdTrustPolicy.hosts(in.list(AsConfigKeys.CIMD_TRUSTED_HOSTS),
                    in.list(AsConfigKeys.CIMD_DENIED_HOSTS));
        } catch (IllegalArgumentException e) {
            in.problem(AsConfigKeys.CIMD_TRUSTED_HOSTS + " or " + AsConfigKeys.CIMD_DENIED_HOSTS
                    + " holds a pattern that is not a host name pattern");
        }
        Duration minTtl = in.durationOrZero(AsConfigKeys.CIMD_CACHE_MIN_TTL, d.cacheMinTtl());
        Duration maxTtl = in.duration(AsConfigKeys.CIMD_CACHE_MAX_TTL, d.cacheMaxTtl());
        if (maxTtl.compareTo(minTtl) < 0) {
            in.problem(AsConfigKeys.CIMD_CACHE_MAX_TTL + " must not be shorter than "
                    + AsConfigKeys.CIMD_CACHE_MIN_TTL);
            maxTtl = minTtl;
        }
        Duration stale = in.durationOrZero(AsConfigKeys.CIMD_STALE_IF_ERROR, d.staleIfErrorMax());
        long entries = in.positive(AsConfigKeys.CIMD_CACHE_MAX_ENTRIES, d.cacheMaxEntries());
        Duration timeout = in.duration(AsConfigKeys.CIMD_FETCH_TIMEOUT, d.fetchTimeout());
        long bytes = in.positive(AsConfigKeys.CIMD_FETCH_MAX_BYTES, d.maxBodyBytes());
        if (bytes > Integer.MAX_VALUE) {
            in.problem(AsConfigKeys.CIMD_FETCH_MAX_BYTES + " is too large");
            bytes = d.maxBodyBytes();
        }
        Set<Integer> ports = new LinkedHashSet<>();
        for (String port : in.list(AsConfigKeys.CIMD_FETCH_ALLOWED_PORTS)) {
            if (port.matches("[1-9][0-9]{0,4}") && Integer.parseInt(port) <= 65535) {
                ports.add(Integer.parseInt(port));
            } else {
                in.problem(AsConfigKeys.CIMD_FETCH_ALLOWED_PORTS + " may hold only port numbers 1..65535");
            }
        }
        Set<ClientAuthMethod> methods = new LinkedHashSet<>();
        for (String m : in.list(AsConfigKeys.CIMD_AUTH_METHODS)) {
            if (m.equals(ClientAuthMethod.NONE.value()) || m.equals(ClientAuthMethod.PRIVATE_KEY_JWT.value())) {
                methods.add(new ClientAuthMethod(m));
            } else {
                in.problem(AsConfigKeys.CIMD_AUTH_METHODS + " may hold only none and private_key_jwt");
            }
        }
        boolean testing = in.bool(AsConfigKeys.CIMD_TEST_INSECURE_FETCH, false);
        if (!testing && in.string(AsConfigKeys.CIMD_TEST_TRUST_STORE).isPresent()) {
            in.problem(AsConfigKeys.CIMD_TEST_TRUST_STORE + " needs " + AsConfigKeys.CIMD_TEST_INSECURE_FETCH
                    + "=true (tests only)");
        }
        return new CimdSettings(enabled, trust, minTtl, maxTtl, stale, entries, timeout, (int) bytes,
                ports.isEmpty() ? d.fetchPorts() : ports, methods.isEmpty() ? d.tokenEndpointAuthMethods() : methods, testing);
    }

    /**
     * The test trust store of CIMD fetches, if configured (only with the test switch on, checked by {@link #read}).
     *
     * @throws IllegalStateException naming the key, when it cannot be read
     */
    static Optional<SSLContext> testTrust(Config config) {
        ConfigReads in = new ConfigReads(config);
        Optional<String> path = in.string(AsConfigKeys.CIMD_TEST_TRUST_STORE);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        char[] password = in.string(AsConfigKeys.CIMD_TEST_TRUST_STORE_PASSWORD).orElse("").toCharArray();
        try (InputStream stream = Files.newInputStream(Path.of(path.get()))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(stream, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Lanyard authorization server configuration: "
                    + AsConfigKeys.CIMD_TEST_TRUST_STORE + " cannot be read as a PKCS12 trust store", e);
        }
    }
}
