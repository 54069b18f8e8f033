package dev.lanyard.discovery.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.lanyard.discovery.client.DiscoveryAttempt.Outcome;
import dev.lanyard.discovery.client.DiscoveryAttempt.Step;
import dev.lanyard.discovery.fetch.FetchCache;
import dev.lanyard.discovery.fetch.FetchException;
import dev.lanyard.discovery.fetch.FetchResult;
import dev.lanyard.discovery.fetch.Fresh;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.spec.bearer.BearerChallenge;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata;
import dev.lanyard.spec.metadata.ProtectedResourceMetadata;
import dev.lanyard.spec.metadata.WellKnown;
import dev.lanyard.spec.ref.Specs;

/**
 * The discovery chain of an MCP client: from an MCP server URL to everything needed to start authorization.
 *
 * <ol>
 *   <li>Probe the server without a token and read every {@code WWW-Authenticate} challenge; take
 *       {@code resource_metadata} and {@code scope} from the Bearer one (RFC 9728 §5.1, RFC 6750 §3).</li>
 *   <li>Read protected resource metadata from the challenge's URL, else the path-inserted well-known URL, else the
 *       root one (MCP authorization-server-discovery; RFC 9728 §3.1). Its {@code resource} must be identical to the
 *       server URL (RFC 9728 §3.3; see {@link ResourceMatch} for the opt-in relaxation) and it must list an
 *       authorization server (MCP).</li>
 *   <li>For the chosen issuer, read metadata from RFC 8414 path insertion, then OpenID insertion, then OpenID
 *       appending ({@link WellKnown#authorizationServerCandidates(URI)}); {@code issuer} must be identical to the
 *       issuer the URL was built from (RFC 8414 §3.3, OIDC Discovery §4.3) and {@code S256} must be listed (MCP).</li>
 * </ol>
 *
 * <p>A 401, 403, 404, an HTML page or a fetch failure on a metadata URL moves on to the next URL (CDNs and gateways
 * answer so for paths they do not serve); a document that is found but breaks a rule stops discovery. Every failure
 * is a {@link DiscoveryException} naming the URL and the rule, with every URL tried. Validated documents are cached
 * as their {@code Cache-Control} allows; failures are never cached. Every request goes through the
 * {@link SafeFetcher} given, so its policy (https, special-use addresses, timeouts, size) applies throughout.
 *
 * <p>Thread-safe.
 */
public final class McpAuthorizationDiscovery {

    private static final System.Logger LOG = System.getLogger(McpAuthorizationDiscovery.class.getName());

    private record Key(URI url, String expected, ResourceMatch match) {
    }

    private final SafeFetcher fetcher;
    private final DiscoveryOptions options;
    private final FetchCache<Key, ProtectedResourceMetadata> resourceCache;
    private final FetchCache<Key, AuthorizationServerMetadata> serverCache;

    private McpAuthorizationDiscovery(SafeFetcher fetcher, DiscoveryOptions options) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.options = Objects.requireNonNull(options, "options");
        this.resourceCache = FetchCache.create(options.cache());
        this.serverCache = FetchCache.create(options.cache());
    }

    /** Discovery through {@code fetcher} with {@link DiscoveryOptions#defaults()}. */
    public static McpAuthorizationDiscovery create(SafeFetcher fetcher) {
        return new McpAuthorizationDiscovery(fetcher, DiscoveryOptions.defaults());
    }

    /** Discovery through {@code fetcher} with {@code options}. */
    public static McpAuthorizationDiscovery create(SafeFetcher fetcher, DiscoveryOptions options) {
        return new McpAuthorizationDiscovery(fetcher, options);
    }

    /**
     * Runs the chain for an MCP server.
     *
     * @param serverUrl the MCP server URL, as the user configured it (it is compared, not normalised)
     * @throws DiscoveryException naming the URL and the rule that failed, and listing every URL tried
     */
    public DiscoveryResult discover(URI serverUrl) {
        List<DiscoveryAttempt> trail = new ArrayList<>();
        requireServerUrl(serverUrl, trail);
        Optional<BearerChallenge> challenge = probe(serverUrl, trail);

        List<URI> prmUrls = new ArrayList<>();
        challenge.flatMap(BearerChallenge::resourceMetadata).ifPresent(prmUrls::add);
        prmUrls.add(WellKnown.protectedResource(serverUrl));
        URI origin = URI.create(serverUrl.getScheme() + "://" + serverUrl.getRawAuthority());
        prmUrls.add(WellKnown.protectedResource(origin));
        Found<ProtectedResourceMetadata> prm = firstValid(Step.PROTECTED_RESOURCE_METADATA, prmUrls,
                serverUrl.toString(), options.resourceMatch(), resourceCache, this::loadResource, trail)
                .orElseThrow(() -> new DiscoveryException(serverUrl, Rules.MCP_PRM_DISCOVERY,
                        "No protected resource metadata found for the MCP server", trail));

        String issuer = chooseIssuer(prm.value().authorizationServers());
        Found<AuthorizationServerMetadata> server = server(issuer, trail);

        Optional<Scope> scope = challenge.flatMap(BearerChallenge::scope).or(() -> scopesSupported(prm.value()));
        AuthorizationServerMetadata metadata = server.value();
        RegistrationOptions registration = new RegistrationOptions(options.preRegisteredIssuers().contains(issuer),
                metadata.clientIdMetadataDocumentsSupported(), metadata.endpoints().registration());
        return new DiscoveryResult(serverUrl, prm.value().resource(), prm.url(), prm.value(), issuer, server.url(),
                metadata, scope, registration, trail);
    }

    /**
     * Step 3 alone: the validated metadata of one issuer (RFC 8414 insertion, then the OIDC forms; {@code issuer}
     * identical, S256 listed, endpoints secure). Resource servers use it to find an issuer's {@code jwks_uri}.
     *
     * @throws DiscoveryException naming the URL and the rule that failed, and listing every URL tried
     */
    public AuthorizationServerMetadata authorizationServer(String issuer) {
        return server(issuer, new ArrayList<>()).value();
    }

    private Found<AuthorizationServerMetadata> server(String issuer, List<DiscoveryAttempt> trail) {
        URI issuerUri = URI.create(issuer);
        return firstValid(Step.AUTHORIZATION_SERVER_METADATA, WellKnown.authorizationServerCandidates(issuerUri),
                issuer, ResourceMatch.EXACT, serverCache, this::loadServer, trail)
                .orElseThrow(() -> new DiscoveryException(issuerUri, Rules.MCP_AS_DISCOVERY,
                        "No authorization server metadata found for issuer " + issuer, trail));
    }

    private record Found<V>(URI url, V value) {
    }

    /** The first URL whose document is valid; empty when every URL moved on; throws when a document breaks a rule. */
    private <V> Optional<Found<V>> firstValid(Step step, List<URI> urls, String expected, ResourceMatch match,
            FetchCache<Key, V> cache, Function<Key, Fresh<V>> loader, List<DiscoveryAttempt> trail) {
        for (URI url : new LinkedHashSet<>(urls)) {
            V value = attempt(step, new Key(url, expected, match), cache, loader, trail);
            if (value != null) {
                return Optional.of(new Found<>(url, value));
            }
        }
        return Optional.empty();
    }

    private static void requireServerUrl(URI serverUrl, List<DiscoveryAttempt> trail) {
        Objects.requireNonNull(serverUrl, "serverUrl");
        // RFC 8707 §2 / RFC 9728 §1.2: a resource identifier is an absolute URL without fragment
        if (!serverUrl.isAbsolute() || serverUrl.isOpaque() || serverUrl.getRawAuthority() == null
                || serverUrl.getRawFragment() != null
                || !List.of("https", "http").contains(serverUrl.getScheme())) {
            throw new DiscoveryException(serverUrl, Specs.RFC8707_RESOURCE,
                    "The MCP server URL must be an absolute http(s) URL without fragment", trail);
        }
    }

    /** Step 1: the unauthenticated request and its challenges; a failure here only means no hints. */
    private Optional<BearerChallenge> probe(URI serverUrl, List<DiscoveryAttempt> trail) {
        FetchResult answer;
        try {
            answer = fetcher.probe(serverUrl);
        } catch (FetchException e) {
            record(trail, new DiscoveryAttempt(Step.PROBE, serverUrl, Outcome.FETCH_FAILED,
                    e.reason() + ": " + e.detail(), e.reason().rule()));
            return Optional.empty();
        }
        List<String> malformed = new ArrayList<>();
        for (String value : answer.headerValues("www-authenticate")) {
            try {
                Optional<BearerChallenge> bearer = BearerChallenge.parse(value);
                if (bearer.isPresent()) {
                    record(trail, new DiscoveryAttempt(Step.PROBE, serverUrl, Outcome.CHALLENGED,
                            answer.status() + " with a Bearer challenge"
                                    + bearer.get().resourceMetadata().map(u -> ", resource_metadata " + u).orElse("")
                                    + bearer.get().scope().map(s -> ", scope " + DocumentReader.quote(s.toString()))
                                            .orElse(""), Optional.of(Specs.RFC9728_WWW_AUTHENTICATE)));
                    return bearer;
                }
            } catch (OAuthException e) {
                malformed.add(e.error().description().orElse("malformed"));
            }
        }
        record(trail, new DiscoveryAttempt(Step.PROBE, serverUrl, Outcome.NOT_CHALLENGED, answer.status()
                + (malformed.isEmpty() ? " without a Bearer challenge" : " with a malformed challenge: " + malformed)
                + "; trying well-known URLs", Optional.of(Rules.MCP_PRM_DISCOVERY)));
        return Optional.empty();
    }

    /** A cached or fetched, validated document; null to try the next URL; throws when a document breaks a rule. */
    private <V> V attempt(Step step, Key key, FetchCache<Key, V> cache, Function<Key, Fresh<V>> loader,
            List<DiscoveryAttempt> trail) {
        boolean[] fetched = {false};
        try {
            V value = cache.get(key, k -> {
                fetched[0] = true;
                return loader.apply(k);
            });
            record(trail, new DiscoveryAttempt(step, key.url(), Outcome.ACCEPTED, fetched[0] ? "" : "from cache",
                    Optional.empty()));
            return value;
        } catch (AttemptFailure failure) {
            record(trail, failure.attempt());
            if (failure.fatal()) {
                throw new DiscoveryException(key.url(), failure.attempt().rule().orElse(Rules.MCP_AS_DISCOVERY),
                        failure.attempt().detail(), trail);
            }
            return null;
        }
    }

    /** Step 2: one PRM URL, validated against the server URL. */
    private Fresh<ProtectedResourceMetadata> loadResource(Key key) {
        DocumentReader.Json json = DocumentReader.read(fetcher, Step.PROTECTED_RESOURCE_METADATA, key.url(),
                Rules.RFC9728_RESPONSE);
        Parsed<ProtectedResourceMetadata> parsed = ProtectedResourceMetadata.parse(json.object());
        ProtectedResourceMetadata prm = parsed.toOptional().orElseThrow(() -> DocumentReader.rejected(
                Step.PROTECTED_RESOURCE_METADATA, key.url(), "invalid protected resource metadata: "
                        + DocumentReader.summary(parsed.violations()), Specs.RFC9728_METADATA));
        // RFC 9728 §3.3: "resource" MUST be identical to the URL the client used (the MCP server URL)
        if (!ResourceMatcher.matches(prm.resource(), URI.create(key.expected()), key.match())) {
            throw DocumentReader.rejected(Step.PROTECTED_RESOURCE_METADATA, key.url(), "resource "
                    + DocumentReader.quote(prm.resource()) + " is not " + (key.match() == ResourceMatch.EXACT
                            ? "identical to" : "the origin or a parent path of")
                    + " the MCP server URL " + DocumentReader.quote(key.expected()), Specs.RFC9728_VALIDATION);
        }
        // MCP: the PRM document MUST include authorization_servers with at least one entry
        if (prm.authorizationServers().isEmpty()) {
            throw DocumentReader.rejected(Step.PROTECTED_RESOURCE_METADATA, key.url(),
                    "authorization_servers is missing or empty", Rules.MCP_AS_LOCATION);
        }
        return resourceCache.fresh(prm, json.answer());
    }

    /** Step 3: one authorization server metadata URL, validated against the issuer it was built from. */
    private Fresh<AuthorizationServerMetadata> loadServer(Key key) {
        Step step = Step.AUTHORIZATION_SERVER_METADATA;
        URI url = key.url();
        DocumentReader.Json json = DocumentReader.read(fetcher, step, url, Rules.RFC8414_RESPONSE);
        Parsed<AuthorizationServerMetadata> parsed = AuthorizationServerMetadata.parse(json.object());
        AuthorizationServerMetadata metadata = parsed.toOptional().orElseThrow(() -> DocumentReader.rejected(step, url,
                "invalid authorization server metadata: " + DocumentReader.summary(parsed.violations()),
                Specs.RFC8414_METADATA));
        // RFC 8414 §3.3 / OIDC Discovery §4.3: "issuer" MUST be identical to the issuer the URL was built from
        if (!metadata.issuer().equals(key.expected())) {
            throw DocumentReader.rejected(step, url, "issuer " + DocumentReader.quote(metadata.issuer())
                    + " is not identical to " + DocumentReader.quote(key.expected()),
                    url.getPath().contains("/.well-known/openid-configuration") ? Rules.OIDC_ISSUER
                            : Specs.RFC8414_VALIDATION);
        }
        // MCP: clients MUST refuse to proceed without S256 in code_challenge_methods_supported
        if (!metadata.supportsS256()) {
            throw DocumentReader.rejected(step, url, metadata.codeChallengeMethodsSupported().isEmpty()
                    ? "code_challenge_methods_supported is absent: the server is taken not to support PKCE"
                    : "code_challenge_methods_supported " + metadata.codeChallengeMethodsSupported()
                            + " does not list S256", Rules.MCP_PKCE);
        }
        metadata.endpoints().authorization().ifPresent(u -> requireSecure(step, url, "authorization_endpoint", u));
        metadata.endpoints().token().ifPresent(u -> requireSecure(step, url, "token_endpoint", u));
        if (metadata.endpoints().authorization().isEmpty() || metadata.endpoints().token().isEmpty()) {
            throw DocumentReader.rejected(step, url, "authorization_endpoint and token_endpoint are required for "
                    + "the authorization code grant", Specs.RFC8414_METADATA);
        }
        return serverCache.fresh(metadata, json.answer());
    }

    /** OAuth 2.1 §1.5: endpoints use https; plain http only to loopback when the fetch policy allows loopback. */
    private void requireSecure(Step step, URI url, String member, URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = Set.of("127.0.0.1", "[::1]", "localhost").contains(endpoint.getHost());
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback && fetcher.policy().allowLoopback())) {
            throw DocumentReader.rejected(step, url, member + " " + DocumentReader.quote(endpoint.toString())
                    + " does not use https", Rules.OAUTH21_TLS);
        }
    }

    /** The first listed issuer the client holds credentials for, else the first listed (RFC 9728 §7.6). */
    private String chooseIssuer(List<String> issuers) {
        return issuers.stream().filter(options.preRegisteredIssuers()::contains).findFirst().orElse(issuers.get(0));
    }

    private static Optional<Scope> scopesSupported(ProtectedResourceMetadata prm) {
        List<String> tokens = prm.scopesSupported().stream().filter(Scope::isScopeToken).toList();
        return tokens.isEmpty() ? Optional.empty() : Optional.of(Scope.of(tokens));
    }

    private static void record(List<DiscoveryAttempt> trail, DiscoveryAttempt attempt) {
        trail.add(attempt);
        LOG.log(System.Logger.Level.DEBUG, "discovery: {0}", attempt);
    }
}
