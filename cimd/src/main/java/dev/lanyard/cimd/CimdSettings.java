package dev.lanyard.cimd;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.lanyard.discovery.fetch.FetchPolicy;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.ref.Specs;

/**
 * How client ID metadata documents are resolved. Immutable; start from {@link #defaults()} and change it with the
 * {@code with...} methods. The configuration keys below are the ones the authorization server reads (MicroProfile
 * Config, durations in ISO-8601).
 *
 * @param enabled                  {@code lanyard.as.cimd.enabled} (default {@code false}): whether URL client
 *                                 identifiers are resolved at all; publish
 *                                 {@code client_id_metadata_document_supported} exactly when this is true.
 *                                 Enabling also needs {@code lanyard.as.cimd.ack} equal to {@link #ACKNOWLEDGED_DRAFT}
 * @param trustPolicy              {@code lanyard.as.cimd.trusted-hosts} (allow-list; empty: any host) and
 *                                 {@code lanyard.as.cimd.denied-hosts} (deny-list), see {@link CimdTrustPolicy}; or a
 *                                 replacement policy bean
 * @param cacheMinTtl              {@code lanyard.as.cimd.cache.min-ttl} (default {@code PT30S}): the shortest time a
 *                                 cacheable document is kept; also the lifetime of a document without freshness
 *                                 headers
 * @param cacheMaxTtl              {@code lanyard.as.cimd.cache.max-ttl} (default {@code PT24H}): the longest
 * @param staleIfErrorMax          {@code lanyard.as.cimd.cache.stale-if-error} (default {@code PT0S}, off): how long
 *                                 after it went stale a known document still serves while its host is unreachable,
 *                                 times out or answers 5xx / 429 (never after a 4xx, an invalid document or a
 *                                 refused address)
 * @param cacheMaxEntries          {@code lanyard.as.cimd.cache.max-entries} (default 10,000): documents kept by the
 *                                 in-memory cache
 * @param fetchTimeout             {@code lanyard.as.cimd.fetch.timeout} (default {@code PT2.5S}): the connect timeout
 *                                 and the total deadline of one fetch, DNS to last byte
 * @param maxBodyBytes             {@code lanyard.as.cimd.fetch.max-bytes} (default 5120): the largest document read;
 *                                 reading stops at the cap (draft §8.7 recommends 5 KB)
 * @param fetchPorts               {@code lanyard.as.cimd.fetch.allowed-ports} (default {@code 443}): the ports a
 *                                 document, and the {@code jwks_uri} and {@code logo_uri} it names, may be fetched
 *                                 from; any other port is refused before any DNS lookup or connection (SSRF: no
 *                                 probing of other services of a host). Not applied under {@code insecureTestFetch}
 * @param tokenEndpointAuthMethods {@code lanyard.as.cimd.token-endpoint-auth-methods} (default
 *                                 {@code none,private_key_jwt}): methods CIMD clients may be required to use; never a
 *                                 shared-secret method
 * @param insecureTestFetch        {@code lanyard.as.cimd.testing.insecure-fetch} (default {@code false}): tests only.
 *                                 Allows fetching from loopback addresses (127.0.0.0/8, ::1; every other special-use
 *                                 address stays refused) and a custom trust store
 *                                 ({@code lanyard.as.cimd.testing.trust-store}), so end-to-end tests can serve
 *                                 documents on 127.0.0.1. Logged loudly at start-up; never in production
 */
public record CimdSettings(boolean enabled, CimdTrustPolicy trustPolicy, Duration cacheMinTtl, Duration cacheMaxTtl,
        Duration staleIfErrorMax, long cacheMaxEntries, Duration fetchTimeout, int maxBodyBytes,
        Set<Integer> fetchPorts, Set<ClientAuthMethod> tokenEndpointAuthMethods, boolean insecureTestFetch) {

    /** The draft revision {@code lanyard.as.cimd.ack} must name for CIMD to be enabled. */
    public static final String ACKNOWLEDGED_DRAFT = Specs.CIMD;

    private static final List<String> JSON = List.of("application/json", "application/*+json");

    public CimdSettings {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(cacheMinTtl, "cacheMinTtl");
        Objects.requireNonNull(cacheMaxTtl, "cacheMaxTtl");
        Objects.requireNonNull(staleIfErrorMax, "staleIfErrorMax");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        tokenEndpointAuthMethods = Set.copyOf(tokenEndpointAuthMethods);
        fetchPorts = Set.copyOf(fetchPorts);
        if (fetchPorts.isEmpty() || fetchPorts.stream().anyMatch(p -> p < 1 || p > 65535)) {
            throw new IllegalArgumentException("fetch allowed-ports needs ports in 1..65535");
        }
        if (cacheMinTtl.isNegative() || cacheMaxTtl.compareTo(cacheMinTtl) < 0) {
            throw new IllegalArgumentException("need 0 <= cache min-ttl <= cache max-ttl");
        }
        if (staleIfErrorMax.isNegative()) {
            throw new IllegalArgumentException("stale-if-error must not be negative");
        }
        if (cacheMaxEntries < 1) {
            throw new IllegalArgumentException("cache max-entries must be positive");
        }
        if (!fetchTimeout.isPositive()) {
            throw new IllegalArgumentException("fetch timeout must be positive");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("fetch max-bytes must be positive");
        }
        if (tokenEndpointAuthMethods.isEmpty() || tokenEndpointAuthMethods.stream()
                .anyMatch(ClientAuthMethod::isSymmetric)) {
            throw new IllegalArgumentException("token-endpoint-auth-methods needs methods without shared secrets");
        }
    }

    /**
     * Disabled; any host; cache 30 s to 24 h, no stale-if-error, 10,000 entries; fetch 2.5 s, 5 KB, port 443; methods
     * none and private_key_jwt; test switch off.
     */
    public static CimdSettings defaults() {
        return new CimdSettings(false, CimdTrustPolicy.allowAny(), Duration.ofSeconds(30), Duration.ofHours(24),
                Duration.ZERO, 10_000, Duration.ofMillis(2_500), FetchPolicy.CIMD_MAX_BODY_BYTES,
                Set.of(443), CimdValidator.DEFAULT_AUTH_METHODS, false);
    }

    /** These settings, enabled or not. */
    public CimdSettings withEnabled(boolean on) {
        return new CimdSettings(on, trustPolicy, cacheMinTtl, cacheMaxTtl, staleIfErrorMax, cacheMaxEntries,
                fetchTimeout, maxBodyBytes, fetchPorts, tokenEndpointAuthMethods, insecureTestFetch);
    }

    /** These settings with another trust policy. */
    public CimdSettings withTrustPolicy(CimdTrustPolicy policy) {
        return new CimdSettings(enabled, policy, cacheMinTtl, cacheMaxTtl, staleIfErrorMax, cacheMaxEntries,
                fetchTimeout, maxBodyBytes, fetchPorts, tokenEndpointAuthMethods, insecureTestFetch);
    }

    /** These settings with other cache bounds. */
    public CimdSettings withCache(Duration minTtl, Duration maxTtl, Duration staleIfError, long maxEntries) {
        return new CimdSettings(enabled, trustPolicy, minTtl, maxTtl, staleIfError, maxEntries, fetchTimeout,
                maxBodyBytes, fetchPorts, tokenEndpointAuthMethods, insecureTestFetch);
    }

    /** These settings with another fetch deadline and body cap. */
    public CimdSettings withFetch(Duration timeout, int maxBytes) {
        return new CimdSettings(enabled, trustPolicy, cacheMinTtl, cacheMaxTtl, staleIfErrorMax, cacheMaxEntries,
                timeout, maxBytes, fetchPorts, tokenEndpointAuthMethods, insecureTestFetch);
    }

    /** These settings fetching documents (and the URLs they name) only from these ports. */
    public CimdSettings withFetchPorts(Set<Integer> ports) {
        return new CimdSettings(enabled, trustPolicy, cacheMinTtl, cacheMaxTtl, staleIfErrorMax, cacheMaxEntries,
                fetchTimeout, maxBodyBytes, ports, tokenEndpointAuthMethods, insecureTestFetch);
    }

    /** These settings with other token endpoint authentication methods for CIMD clients. */
    public CimdSettings withTokenEndpointAuthMethods(Set<ClientAuthMethod> methods) {
        return new CimdSettings(enabled, trustPolicy, cacheMinTtl, cacheMaxTtl, staleIfErrorMax, cacheMaxEntries,
                fetchTimeout, maxBodyBytes, fetchPorts, methods, insecureTestFetch);
    }

    /** These settings with the test-only loopback and trust store switch on or off. Never on in production. */
    public CimdSettings withInsecureTestFetch(boolean on) {
        return new CimdSettings(enabled, trustPolicy, cacheMinTtl, cacheMaxTtl, staleIfErrorMax, cacheMaxEntries,
                fetchTimeout, maxBodyBytes, fetchPorts, tokenEndpointAuthMethods, on);
    }

    /**
     * The fetch policy for documents: https only (plain http never, even in test mode), no special-use address
     * (loopback only under {@link #insecureTestFetch()}), {@link #fetchTimeout()} to connect and in all,
     * {@link #maxBodyBytes()}, no redirect, JSON only ({@code application/json} or a {@code +json} type, draft §4),
     * {@link #fetchPorts()} only (any port under {@link #insecureTestFetch()}, whose test servers use ephemeral ones).
     */
    public FetchPolicy documentFetchPolicy() {
        return FetchPolicy.defaults().withAllowLoopback(insecureTestFetch).withConnectTimeout(fetchTimeout)
                .withTotalTimeout(fetchTimeout).withMaxBodyBytes(maxBodyBytes).withMaxRedirects(0)
                .withAcceptedContentTypes(JSON)
                .withAllowedPorts(insecureTestFetch ? Set.of() : fetchPorts);
    }
}
