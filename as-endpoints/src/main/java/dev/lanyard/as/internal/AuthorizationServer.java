package dev.lanyard.as.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import dev.lanyard.as.AuthorizationServerSettings;
import dev.lanyard.as.CrossAppAccessSettings;
import dev.lanyard.discovery.client.McpAuthorizationDiscovery;
import dev.lanyard.grants.dpop.DpopProofVerifier;
import dev.lanyard.grants.grant.DelegationTokenExchange;
import dev.lanyard.grants.grant.GrantHandler;
import dev.lanyard.grants.grant.JwtBearerGrantHandler;
import dev.lanyard.grants.grant.TokenExchangeGrantHandler;
import dev.lanyard.grants.idjag.DiscoveredIdentityProviders;
import dev.lanyard.grants.idjag.RuleListIdJagPolicy;
import dev.lanyard.grants.idjag.SubjectAttributes;
import dev.lanyard.grants.idjag.SubjectMapper;
import dev.lanyard.grants.token.IdTokenIssuer;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.as.consent.ConsentPolicy;
import dev.lanyard.as.consent.PendingConsentStore;
import dev.lanyard.discovery.fetch.FetchPolicy;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.discovery.publish.AuthorizationServerMetadataFactory;
import dev.lanyard.discovery.publish.MetadataRoutes;
import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticationThrottle;
import dev.lanyard.grants.auth.ClientAuthenticator;
import dev.lanyard.grants.auth.JwksFetcher;
import dev.lanyard.grants.auth.SafeJwksFetcher;
import dev.lanyard.grants.client.ClientRegistry;
import dev.lanyard.grants.grant.AuthorizationCodeGrantHandler;
import dev.lanyard.grants.grant.AuthorizationCodeService;
import dev.lanyard.grants.grant.ClientCredentialsGrantHandler;
import dev.lanyard.grants.grant.GrantRegistry;
import dev.lanyard.grants.grant.RefreshTokenGrantHandler;
import dev.lanyard.grants.grant.TokenEndpointService;
import dev.lanyard.grants.introspection.TokenIntrospectionService;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.revocation.TokenRevocationService;
import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.grants.token.TokenCustomizer;
import dev.lanyard.spec.core.ClientAuthMethod;

/**
 * The authorization server of this deployment: the grants module's services, wired once from the settings and the
 * replaceable beans (client registry, stores, consent policy, token customizers). The endpoints hold no logic of
 * their own and call it. Built when the application starts, so that a configuration mistake fails the deployment.
 */
@ApplicationScoped
public class AuthorizationServer {

    /** The JWS algorithms accepted for client assertions ({@code private_key_jwt}). */
    static final List<String> ASSERTION_ALGORITHMS = List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512");
    private static final Logger LOG = Logger.getLogger(AuthorizationServer.class.getName());
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    @Inject
    ServerConfiguration configuration;
    @Inject
    ClientRegistry clients;
    @Inject
    CimdSupport cimd;
    @Inject
    DynamicRegistration registration;
    @Inject
    AuthorizationCodeStore codes;
    @Inject
    RefreshTokenStore refreshTokens;
    @Inject
    ConsentStore consents;
    @Inject
    ReplayGuard replay;
    @Inject
    RevokedAccessTokens revoked;
    @Inject
    SigningKeyStore keyStore;
    @Inject
    PendingConsentStore pending;
    @Inject
    ConsentPolicy consentPolicy;
    @Inject
    Instance<TokenCustomizer> customizers;

    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);
    private AuthorizationServerSettings settings;
    private SafeFetcher fetcher;
    private SigningKeys keys;
    private ClientAuthenticator authenticator;
    private TokenEndpointService tokenEndpoint;
    private TokenRevocationService revocation;
    private TokenIntrospectionService introspection;
    private MetadataRoutes metadata;
    private ErrorResponses errors;
    private AuthorizationFlow flow;
    private ConsentWithdrawal withdrawal;
    private HtmlPages pages;

    /** Created by CDI. */
    public AuthorizationServer() {
        // fields are injected
    }

    @PostConstruct
    void init() {
        settings = configuration.settings();
        GrantSettings grants = settings.grants();
        if (settings.allowLoopback()) {
            LOG.warning("lanyard.as.fetch.allow-loopback is ON: clients' jwks_uri may be fetched from loopback "
                    + "addresses over plain http. For development and tests only, never in production.");
        }
        fetcher = SafeFetcher.create(FetchPolicy.defaults().withAllowLoopback(settings.allowLoopback()));
        keys = signingKeys();
        AccessTokenIssuer issuer = new AccessTokenIssuer(grants, keys, orderedCustomizers(), clock);
        authenticator = new ClientAuthenticator(grants, clients, replay, jwksFetcher(),
                AuthenticationThrottle.defaults(clock), clock);
        CrossAppAccessSettings xaa = settings.crossAppAccess();
        List<GrantHandler<?>> handlers = new ArrayList<>();
        handlers.add(xaa.idp()
                ? new AuthorizationCodeGrantHandler(codes, refreshTokens, revoked, issuer, grants, clock,
                        new IdTokenIssuer(grants, keys, IdTokenIssuer.DEFAULT_LIFETIME, clock))
                : new AuthorizationCodeGrantHandler(codes, refreshTokens, revoked, issuer, grants, clock));
        handlers.add(new RefreshTokenGrantHandler(refreshTokens, consents, revoked, issuer, grants, clock));
        handlers.add(new ClientCredentialsGrantHandler(issuer, grants));
        // ID-JAG §8.6: both roles read DPoP proofs (RFC 9449 §4.3) whose htu is this token endpoint
        DpopProofVerifier dpop = new DpopProofVerifier(settings.endpoint("/token"), replay, settings.dpopWindow(),
                clock);
        tokenExchange(xaa, issuer, dpop).ifPresent(handlers::add);
        if (xaa.idJagRedeemer()) {
            // ID-JAG §4.4: the trusted IdPs' keys found through their metadata, fetched by the SSRF-safe fetcher
            handlers.add(new JwtBearerGrantHandler(new DiscoveredIdentityProviders(xaa.trustedIssuers(),
                    McpAuthorizationDiscovery.create(fetcher)), new SafeJwksFetcher(fetcher), replay,
                    SubjectMapper.IDENTITY, issuer, grants, xaa.idJag(), clock).withDpop(dpop));
        }
        GrantRegistry registry = new GrantRegistry(handlers);
        // a dynamically registered client is in use once it got a token: it no longer expires unused
        tokenEndpoint = new TokenEndpointService(authenticator, registry, c -> registration.issued(c.client()));
        revocation = new TokenRevocationService(refreshTokens, revoked, keys, grants, clock);
        introspection = new TokenIntrospectionService(refreshTokens, revoked, keys, grants, clock);
        AuthorizationServerMetadataFactory published = AuthorizationServerMetadataFactory.forIssuer(settings.issuer())
                .endpoints(settings.endpoint("/authorize"), settings.endpoint("/token"),
                        settings.endpoint("/jwks"))
                .revocationEndpoint(settings.endpoint("/revoke"))
                .introspectionEndpoint(settings.endpoint("/introspect"))
                .grantTypes(registry.grantTypes())
                .tokenEndpointAuth(List.of(ClientAuthMethod.CLIENT_SECRET_BASIC,
                        ClientAuthMethod.CLIENT_SECRET_POST, ClientAuthMethod.PRIVATE_KEY_JWT,
                        ClientAuthMethod.NONE), ASSERTION_ALGORITHMS)
                .scopes(publishedScopes(xaa))
                .clientIdMetadataDocuments(cimd.isEnabled());
        if (settings.registration().enabled()) {
            published.registrationEndpoint(settings.endpoint("/register"));
        }
        if (xaa.idJagIssuer()) {
            published.identityChainingTokenTypes(List.of(TokenTypeUri.ID_JAG));
        }
        if (xaa.idJagRedeemer()) {
            published.idJagGrantProfile();
        }
        List<String> detailTypes = authorizationDetailTypes(xaa);
        if (!detailTypes.isEmpty()) {
            // RFC 9396 §10: the types processed by the token exchange (IdP rules) and the JWT bearer grant
            published.authorizationDetailsTypes(detailTypes);
        }
        if (xaa.idJagIssuer() || xaa.idJagRedeemer()) {
            // RFC 9449 §5.1: the proofs' algorithms, published because the ID-JAG grants accept proofs
            published.dpopSigningAlgorithms(DpopProofVerifier.algorithmNames());
        }
        metadata = MetadataRoutes.builder().authorizationServer(xaa.idp() ? OpenIdMetadata.of(published.build(), keys)
                : published.build(), settings.openIdConfiguration() || xaa.idp()).build();
        pages = new HtmlPages(path(settings.endpoint("/authorize/assets/style.css")));
        errors = new ErrorResponses(pages, authenticator.challenge());
        flow = new AuthorizationFlow(settings, clients, consents, pending, consentPolicy,
                new AuthorizationCodeService(codes, grants, clock), pages, cimd::warnings, clock);
        withdrawal = new ConsentWithdrawal(settings, clients, consents, refreshTokens, pages, clock);
        LOG.info(() -> "Lanyard authorization server " + settings);
    }

    /** Builds the server when the application starts, not on the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        settings();
    }

    @PreDestroy
    void close() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    // RFC 8693: one handler for both kinds of exchange: ID-JAGs (IdP role) and delegated access tokens
    private Optional<TokenExchangeGrantHandler> tokenExchange(CrossAppAccessSettings xaa, AccessTokenIssuer issuer,
            DpopProofVerifier dpop) {
        Optional<TokenExchangeGrantHandler> handler = Optional.empty();
        if (xaa.idJagIssuer()) {
            // ID-JAG §4.3: the IdP's token exchange, as the configured rules allow
            handler = Optional.of(new TokenExchangeGrantHandler(refreshTokens, consents, keys,
                    new RuleListIdJagPolicy(xaa.rules()), SubjectAttributes.NONE, settings.grants(), xaa.idJag(),
                    clock).withDpop(dpop));
        }
        if (settings.tokenExchange().isPresent()) {
            DelegationTokenExchange delegation = new DelegationTokenExchange(keys, revoked, issuer, settings.grants(),
                    settings.tokenExchange().get(), clock);
            handler = Optional.of(handler.map(h -> h.withDelegation(delegation))
                    .orElseGet(() -> TokenExchangeGrantHandler.delegation(delegation)));
        }
        return handler;
    }

    // the described scopes, and openid for an OpenID Provider
    private List<String> publishedScopes(CrossAppAccessSettings xaa) {
        List<String> scopes = new ArrayList<>(settings.scopeDescriptions().keySet());
        if (xaa.idp() && !scopes.contains("openid")) {
            scopes.add(0, "openid");
        }
        return scopes;
    }

    // RFC 9396 §10: the types the IdP's rules allow (when it issues ID-JAGs) and the types granted from ID-JAGs here
    private static List<String> authorizationDetailTypes(CrossAppAccessSettings xaa) {
        Set<String> types = new LinkedHashSet<>();
        if (xaa.idJagIssuer()) {
            xaa.rules().forEach(r -> types.addAll(r.authorizationDetailTypes()));
        }
        if (xaa.idJagRedeemer()) {
            types.addAll(xaa.idJag().authorizationDetailTypes());
        }
        return List.copyOf(types);
    }

    // configured clients' jwks_uri through the server's fetcher; any other (CIMD clients') through the resolver's
    private JwksFetcher jwksFetcher() {
        JwksFetcher configured = new SafeJwksFetcher(fetcher);
        Set<URI> known = settings.clients().stream().flatMap(c -> c.jwksUri().stream()).collect(Collectors.toSet());
        return uri -> known.contains(uri) || !cimd.isEnabled() ? configured.fetch(uri) : cimd.fetchJwks(uri);
    }

    private SigningKeys signingKeys() {
        if (settings.signingJwks().isEmpty()) {
            return SigningKeys.stored(keyStore, settings.signing(), clock);
        }
        try {
            return SigningKeys.fixed(settings.signingJwks().get());
        } catch (IllegalArgumentException e) {
            // the message of a key parser may quote the key: it is not passed on
            throw new IllegalStateException("Lanyard authorization server configuration: "
                    + dev.lanyard.as.AsConfigKeys.SIGNING_JWKS + " is not a JWK set of private keys with kid");
        }
    }

    // customizers run in @Priority order of their bean classes (lowest first), then unordered
    private List<TokenCustomizer> orderedCustomizers() {
        List<Instance.Handle<TokenCustomizer>> handles = new ArrayList<>();
        customizers.handles().forEach(handles::add);
        handles.sort(Comparator.comparingInt(h -> Optional.ofNullable(
                h.getBean().getBeanClass().getAnnotation(Priority.class)).map(Priority::value)
                .orElse(Integer.MAX_VALUE)));
        return handles.stream().map(Instance.Handle::get).toList();
    }

    /**
     * Deletes expired codes, refresh tokens, replay entries, revocations, shared CIMD cache entries and unused client
     * registrations, at most every 10 minutes.
     */
    public void maybePurge() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_INTERVAL)) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try {
            codes.purgeExpired(now.minus(settings.grants().accessTokenTtl()));
            refreshTokens.purgeExpired(now);
            replay.purgeExpired(now);
            revoked.purgeExpired(now);
            cimd.purge();
            registration.purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging expired entries failed; retried later", e);
        }
    }

    private static String path(URI uri) {
        return uri.getRawPath();
    }

    /** The settings. */
    public AuthorizationServerSettings settings() {
        return settings;
    }

    /** The token endpoint's logic. */
    public TokenEndpointService tokenEndpoint() {
        return tokenEndpoint;
    }

    /** Client authentication at the revocation and introspection endpoints. */
    public ClientAuthenticator authenticator() {
        return authenticator;
    }

    /** Token revocation. */
    public TokenRevocationService revocation() {
        return revocation;
    }

    /** Token introspection. */
    public TokenIntrospectionService introspection() {
        return introspection;
    }

    /** The signing keys, for the JWK set. */
    public SigningKeys keys() {
        return keys;
    }

    /** The metadata document served at exactly this raw path and query, if any (RFC 8414 §3.1). */
    public Optional<JsonObject> metadataAt(String rawPath, String rawQuery) {
        return metadata.find(rawPath, rawQuery).map(MetadataRoutes.Route::document);
    }

    /** The error renderer. */
    public ErrorResponses errors() {
        return errors;
    }

    /** The authorization endpoint's flow. */
    public AuthorizationFlow flow() {
        return flow;
    }

    /** The page renderer. */
    public HtmlPages pages() {
        return pages;
    }

    /** Consent withdrawal. */
    public ConsentWithdrawal withdrawal() {
        return withdrawal;
    }

    /** The users' consents. */
    public ConsentStore consents() {
        return consents;
    }
}
