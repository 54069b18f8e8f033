package dev.lanyard.cimd;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.lanyard.cimd.internal.CimdRules;
import dev.lanyard.cimd.internal.DocumentFetch;
import dev.lanyard.cimd.internal.Jwks;
import dev.lanyard.cimd.internal.SingleFlight;
import dev.lanyard.discovery.fetch.CacheSettings;
import dev.lanyard.discovery.fetch.FetchCache;
import dev.lanyard.discovery.fetch.FetchException;
import dev.lanyard.discovery.fetch.FetchPolicy;
import dev.lanyard.discovery.fetch.FetchResult;
import dev.lanyard.discovery.fetch.HostResolver;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * Resolves a {@code client_id} that is an https URL to its validated Client ID Metadata Document: URL rules, trust
 * policy, cache, one SSRF-safe fetch, validation.
 *
 * <ol>
 *   <li>The identifier must follow the URL rules ({@link ClientIdUrl}) and the trust policy must allow its host,
 *       before anything is fetched.</li>
 *   <li>A fresh cached document is served ({@link CimdDocumentCache}); otherwise one fetch runs, shared by every
 *       concurrent resolution of the same identifier.</li>
 *   <li>The fetch goes through discovery's {@link SafeFetcher} ({@link CimdSettings#documentFetchPolicy()}): every
 *       special-use address refused before connecting (draft §8.6), TLS checked, no redirect followed, only 200
 *       accepted (draft §5), JSON only, the body capped (draft §8.7) and the whole fetch bounded by a deadline.</li>
 *   <li>The body is read strictly (duplicate members refused) and checked by {@link CimdValidator}; the document is
 *       cached as long as its {@code Cache-Control} / {@code Expires} allow, clamped to the settings. Errors and
 *       invalid documents are never cached (draft §5.2): the next resolution fetches again.</li>
 *   <li>When stale-if-error is on and the host fails transiently (unreachable, timeout, 5xx, 429), a known document
 *       past its freshness is served for at most that long.</li>
 * </ol>
 *
 * <p>Failures are {@link OAuthException}s: {@code invalid_client} when the identifier is not a valid URL, CIMD is off,
 * the host or client is not trusted, or the document cannot be fetched (not 200, refused address, redirect, timeout,
 * too large, not a JSON object); {@code invalid_client_metadata} when the document breaks a rule (including a
 * {@code client_id} that differs from the URL). Descriptions name the rule and never echo the document;
 * {@link OAuthException#detail()} says more, for logs. At the authorization endpoint these are shown to the user,
 * never redirected.
 *
 * <p>Thread-safe. Owns connection pools: close it when the server stops.
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#CIMD} §3, §4, §5, §5.2, §8.2, §8.6, §8.7, §8.8, §8.9; MCP
 * {@value dev.lanyard.spec.ref.Specs#MCP} client registration; RFC 9111 §4.2.
 */
public final class CimdResolver implements AutoCloseable {

    /** The largest logo read (bytes). */
    public static final int LOGO_MAX_BYTES = 64 * 1024;

    private static final System.Logger LOG = System.getLogger(CimdResolver.class.getName());
    private static final List<String> LOGO_TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final List<String> JWKS_TYPES = List.of("application/json", "application/*+json");

    private final CimdSettings settings;
    private final CimdDocumentCache cache;
    private final InstantSource clock;
    private final SafeFetcher documents;
    private final SafeFetcher keys;
    private final SafeFetcher logos;
    private final FetchCache<URI, ClientLogo> logoCache;
    private final SingleFlight<String, CachedDocument> flights;
    private final DocumentFetch fetch;

    private CimdResolver(Builder b) {
        this.settings = b.settings;
        this.clock = b.clock;
        this.cache = b.cache != null ? b.cache : new InMemoryCimdDocumentCache(settings.cacheMaxEntries(), clock);
        FetchPolicy documentPolicy = settings.documentFetchPolicy();
        this.documents = b.trust == null ? SafeFetcher.create(documentPolicy, b.resolver)
                : SafeFetcher.create(documentPolicy, b.resolver, b.trust);
        this.keys = documents.withPolicy(documentPolicy.withMaxBodyBytes(FetchPolicy.METADATA_MAX_BODY_BYTES)
                .withAcceptedContentTypes(JWKS_TYPES));
        this.logos = documents.withPolicy(documentPolicy.withMaxBodyBytes(LOGO_MAX_BYTES)
                .withAcceptedContentTypes(LOGO_TYPES));
        CacheSettings bounds = new CacheSettings(Math.min(settings.cacheMaxEntries(), 1_000), settings.cacheMinTtl(),
                settings.cacheMinTtl(), settings.cacheMaxTtl());
        this.logoCache = FetchCache.create(bounds, clock);
        // discovery's one reading of RFC 9111 freshness, clamped to the bounds; nothing is stored in it
        FetchCache<String, Boolean> lifetimes = FetchCache.create(new CacheSettings(1, settings.cacheMinTtl(),
                settings.cacheMinTtl(), settings.cacheMaxTtl()), clock);
        this.fetch = new DocumentFetch(documents, CimdValidator.create(settings.tokenEndpointAuthMethods()),
                lifetimes);
        Duration wait = settings.fetchTimeout().multipliedBy(2).plusSeconds(1);
        this.flights = new SingleFlight<>(wait, () -> refuse("the client metadata document could not be fetched in"
                + " time", CimdRules.FETCH, "waited for the shared fetch"));
        if (settings.insecureTestFetch()) {
            LOG.log(Level.WARNING, "CIMD TEST MODE (lanyard.as.cimd.testing.insecure-fetch=true): client ID metadata"
                    + " documents may be fetched from loopback addresses" + (b.trust != null
                    ? " and with a custom trust store" : "") + ". Tests only: NEVER enable this in production.");
        }
        LOG.log(Level.INFO, "CIMD " + (settings.enabled() ? "enabled" : "disabled") + " (" + Specs.CIMD + "): "
                + settings.trustPolicy() + ", cache " + settings.cacheMinTtl() + ".." + settings.cacheMaxTtl()
                + ", stale-if-error " + settings.staleIfErrorMax() + ", fetch " + settings.fetchTimeout() + " / "
                + settings.maxBodyBytes() + " bytes, methods " + settings.tokenEndpointAuthMethods());
    }

    /** A builder for these settings. */
    public static Builder builder(CimdSettings settings) {
        return new Builder(settings);
    }

    /** The settings this resolver applies. */
    public CimdSettings settings() {
        return settings;
    }

    /** Whether CIMD is enabled (publish {@code client_id_metadata_document_supported} exactly then). */
    public boolean isEnabled() {
        return settings.enabled();
    }

    /**
     * The validated document of {@code clientId}.
     *
     * @throws OAuthException {@code invalid_client} or {@code invalid_client_metadata}, see the class description
     */
    public ClientIdMetadataDocument resolve(String clientId) {
        if (!settings.enabled()) {
            throw refuse("client ID metadata documents are not supported by this server", Specs.CIMD_METADATA,
                    "CIMD is disabled (lanyard.as.cimd.enabled)");
        }
        ClientIdUrl url = ClientIdUrl.parse(clientId);
        if (!settings.trustPolicy().allowFetch(url)) {
            throw refuse("the host of client_id is not trusted by this server", CimdRules.DOMAIN_TRUST,
                    "trust policy refused host " + url.host());
        }
        CachedDocument entry = cached(url).filter(c -> c.isFresh(clock.instant()))
                .orElseGet(() -> flights.run(url.value(), () -> load(url)));
        ClientIdMetadataDocument document = entry.document();
        if (!settings.trustPolicy().allowClient(document)) {
            throw refuse("this client is not allowed by this server's policy", CimdRules.DOMAIN_TRUST,
                    "trust policy refused client " + url);
        }
        return document;
    }

    /**
     * Fetches a CIMD client's {@code jwks_uri} through the SSRF-safe fetcher (no special-use address, no redirect,
     * deadline, 64 KB) and checks it is a JWK Set of public keys only. Fits grants' {@code JwksFetcher}
     * ({@code resolver::fetchJwks}).
     *
     * @throws IOException when it cannot be fetched, is not 200, or is not a JWK Set of public keys (draft §4.1,
     *                     §8.6; A-076)
     */
    public String fetchJwks(URI jwksUri) throws IOException {
        FetchResult result;
        try {
            result = keys.fetch(jwksUri);
        } catch (FetchException e) {
            throw new IOException("jwks_uri refused or unreachable: " + e.reason().summary(), e);
        } catch (RuntimeException e) {
            throw new IOException("jwks_uri unreachable: " + e, e);
        }
        if (result.status() != 200) {
            throw new IOException("jwks_uri answered " + result.status() + "; only 200 is accepted");
        }
        String body = result.bodyAsString();
        Parsed<JsonObject> json = StrictJson.parseObject(body);
        if (!(json instanceof Parsed.Ok<JsonObject> ok) || !(ok.value().get("keys") instanceof JsonArray set)) {
            throw new IOException("jwks_uri did not return a JWK Set");
        }
        for (JsonValue key : set) {
            if (!(key instanceof JsonObject k) || Jwks.isPrivate(k)) {
                throw new IOException("jwks_uri returned a key that is not a public JWK");
            }
        }
        return body;
    }

    /**
     * The client's logo, fetched from {@code logo_uri} through the SSRF-safe fetcher (PNG, JPEG, GIF or WebP, at most
     * {@link #LOGO_MAX_BYTES}) and cached as long as its headers allow within the document cache bounds (draft §8.8).
     * Empty when there is none or it cannot be fetched; a logo never blocks a client.
     */
    public Optional<ClientLogo> logo(ClientIdMetadataDocument document) {
        Optional<URI> uri = document.logoUri();
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(logoCache.get(uri.get(), u -> {
                FetchResult r = logos.fetch(u);
                if (r.status() != 200 || r.mediaType().isEmpty() || r.body().length == 0) {
                    throw new FetchException(u, FetchException.Reason.IO_ERROR, "answered " + r.status());
                }
                return logoCache.fresh(new ClientLogo(u, r.mediaType().get(), r.body()), r);
            }));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "logo of " + document.clientId() + " not fetched: " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        documents.close();
        keys.close();
        logos.close();
    }

    private Optional<CachedDocument> cached(ClientIdUrl url) {
        try {
            return cache.get(url.value());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CIMD cache read failed; fetching instead: " + e);
            return Optional.empty();
        }
    }

    private CachedDocument load(ClientIdUrl url) {
        Instant now = clock.instant();
        Optional<CachedDocument> known = cached(url);
        if (known.isPresent() && known.get().isFresh(now)) {
            return known.get(); // filled by another call while this one waited to start
        }
        return switch (fetch.fetch(url)) {
            case DocumentFetch.Fetched ok -> store(url, ok, now);
            case DocumentFetch.Failed failed -> staleOr(url, known, now, failed);
        };
    }

    private CachedDocument store(ClientIdUrl url, DocumentFetch.Fetched fetched, Instant now) {
        Duration ttl = fetched.ttl();
        Instant freshUntil = now.plus(ttl);
        Instant staleUntil = ttl.isZero() || fetched.mustRevalidate() ? freshUntil
                : freshUntil.plus(settings.staleIfErrorMax());
        CachedDocument entry = new CachedDocument(fetched.document(), now, freshUntil, staleUntil);
        if (ttl.isPositive()) {
            try {
                cache.put(entry);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "CIMD cache write failed: " + e);
            }
        }
        LOG.log(Level.DEBUG, () -> "CIMD document of " + url + " fetched, fresh for " + ttl);
        return entry;
    }

    private CachedDocument staleOr(ClientIdUrl url, Optional<CachedDocument> known, Instant now,
            DocumentFetch.Failed failed) {
        OAuthException failure = failed.failure();
        if (failed.transientFailure() && known.isPresent() && known.get().isUsableWhenFailing(now)) {
            LOG.log(Level.INFO, "CIMD document of " + url + " served stale (until " + known.get().staleUntil()
                    + "): " + failure.detail().orElse(failure.getMessage()));
            return known.get();
        }
        if (!failed.transientFailure() && known.isPresent()) {
            try {
                cache.invalidate(url.value()); // gone or broken at its origin: the old document no longer speaks
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "CIMD cache invalidation failed: " + e);
            }
        }
        LOG.log(Level.DEBUG, () -> "CIMD resolution of " + url + " failed: " + failure.getMessage() + "; "
                + failure.detail().orElse(""));
        throw failure;
    }

    private static OAuthException refuse(String description, SpecRef rule, String detail) {
        return DocumentFetch.failure(OAuthError.INVALID_CLIENT, description, rule, detail);
    }

    /** Builds a {@link CimdResolver}. */
    public static final class Builder {
        private final CimdSettings settings;
        private HostResolver resolver = HostResolver.system();
        private SSLContext trust;
        private CimdDocumentCache cache;
        private InstantSource clock = InstantSource.system();

        private Builder(CimdSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Resolves host names with {@code hostResolver} (its answers are still checked); the JVM's by default. */
        public Builder hostResolver(HostResolver hostResolver) {
            this.resolver = Objects.requireNonNull(hostResolver, "hostResolver");
            return this;
        }

        /**
         * Trusts the certificates {@code context} trusts instead of the JVM's trust store. Tests only.
         *
         * @throws IllegalStateException unless {@link CimdSettings#insecureTestFetch()} is on
         */
        public Builder trust(SSLContext context) {
            if (!settings.insecureTestFetch()) {
                throw new IllegalStateException("a custom trust store for CIMD needs"
                        + " lanyard.as.cimd.testing.insecure-fetch=true (tests only)");
            }
            this.trust = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Keeps documents in {@code documentCache} (a shared store); an in-memory cache by default. */
        public Builder cache(CimdDocumentCache documentCache) {
            this.cache = Objects.requireNonNull(documentCache, "documentCache");
            return this;
        }

        /** Uses {@code instantSource} for cache lifetimes; the system clock by default. */
        public Builder clock(InstantSource instantSource) {
            this.clock = Objects.requireNonNull(instantSource, "instantSource");
            return this;
        }

        /** The resolver. */
        public CimdResolver build() {
            return new CimdResolver(this);
        }
    }
}
