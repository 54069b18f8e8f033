package dev.lanyard.rs.internal;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.config.Config;

import dev.lanyard.discovery.fetch.FetchPolicy;
import dev.lanyard.discovery.fetch.FetchResult;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.discovery.client.McpAuthorizationDiscovery;
import dev.lanyard.discovery.publish.MetadataRoutes;
import dev.lanyard.discovery.publish.ProtectedResourceMetadataFactory;
import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.rs.token.AccessTokenValidator;

/**
 * The protected resource of this deployment: its settings (MicroProfile Config), its metadata document
 * (RFC 9728), the token validator, and the gate both filters use. Reads and checks the configuration at start-up,
 * so a mistake fails the deployment with a message naming the key.
 */
@ApplicationScoped
public class ProtectedResource {

    private static final Logger LOG = Logger.getLogger(ProtectedResource.class.getName());

    @Inject
    Config config;

    private ResourceServerSettings settings;
    private SafeFetcher fetcher;
    private AccessTokenValidator validator;
    private BearerGate gate;
    private McpAuthorizationDiscovery discovery;
    private URI metadataUrl;
    private MetadataRoutes routes;
    private ResourceCors cors;

    @PostConstruct
    void init() {
        settings = SettingsReader.read(config);
        cors = ResourceCors.read(config);
        if (settings.allowLoopback()) {
            LOG.warning("lanyard.rs.fetch.allow-loopback is ON: the resource server fetches keys and metadata from "
                    + "loopback addresses over plain http. For development and tests only, never in production.");
        }
        fetcher = SafeFetcher.create(FetchPolicy.defaults().withAllowLoopback(settings.allowLoopback()));
        discovery = McpAuthorizationDiscovery.create(fetcher);
        validator = AccessTokenValidator.create(settings, this::jwksUriOf, this::fetchBody, this::postForm,
                Clock.systemUTC());
        ProtectedResourceMetadataFactory prm = ProtectedResourceMetadataFactory.forResource(settings.resource())
                .authorizationServers(settings.authorizationServers()).scopes(settings.scopesSupported());
        settings.resourceName().ifPresent(prm::resourceName);
        settings.resourceDocumentation().ifPresent(prm::resourceDocumentation);
        routes = MetadataRoutes.builder().protectedResource(prm.build()).build();
        metadataUrl = MetadataRoutes.protectedResourceMetadataUrl(settings.resource());
        gate = new BearerGate(validator, metadataUrl);
        LOG.info(() -> "Lanyard protects " + settings.resource() + " for " + settings.authorizationServers()
                + "; metadata at " + metadataUrl);
    }

    /** Reads the configuration when the application starts, not on the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        settings();
    }

    @PreDestroy
    void close() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    /** The settings. */
    public ResourceServerSettings settings() {
        return settings;
    }

    /** The CORS answers of the protected resource ({@code lanyard.rs.cors.allowed-origins}). */
    public ResourceCors cors() {
        return cors;
    }

    /** The gate both filters use. */
    public BearerGate gate() {
        return gate;
    }

    /** The validator, for application code that checks tokens itself. */
    public AccessTokenValidator validator() {
        return validator;
    }

    /** The URL of the metadata document (RFC 9728 §3.1 path insertion). */
    public URI metadataUrl() {
        return metadataUrl;
    }

    /** The metadata document served at exactly this path and query (RFC 9728 §3.1), if any. */
    public Optional<JsonObject> metadataAt(String rawPath, String rawQuery) {
        return routes.find(rawPath, rawQuery).map(MetadataRoutes.Route::document);
    }

    /** The JAX-RS security context of a validated caller. */
    public SecurityContext securityContext(AccessTokenPrincipal caller, boolean secure) {
        return new TokenSecurityContext(caller, settings.scopeHierarchy(), secure);
    }

    private String postForm(URI uri, String form, Optional<String> authorization) {
        FetchResult r = fetcher.post(uri, form, authorization);
        if (r.status() != 200) {
            throw new IllegalStateException("HTTP " + r.status() + " from " + uri);
        }
        return r.bodyAsString();
    }

    private String fetchBody(URI uri) {
        FetchResult r = fetcher.fetch(uri);
        if (r.status() != 200) {
            throw new IllegalStateException("HTTP " + r.status() + " from " + uri);
        }
        return r.bodyAsString();
    }

    // RFC 8414 §3, §3.3: the issuer's validated metadata gives jwks_uri (RFC 9068 §4: keys from the AS's jwks_uri)
    private URI jwksUriOf(String issuer) {
        return discovery.authorizationServer(issuer).jwksUri().orElseThrow(() -> new IllegalStateException(
                "The metadata of " + issuer + " has no jwks_uri"));
    }
}
