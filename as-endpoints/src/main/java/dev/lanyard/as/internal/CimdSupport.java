package dev.lanyard.as.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.lanyard.as.AuthorizationServerSettings;
import dev.lanyard.cimd.CimdDocumentCache;
import dev.lanyard.cimd.CimdResolver;
import dev.lanyard.cimd.CimdWarning;
import dev.lanyard.cimd.ClientIdMetadataDocument;
import dev.lanyard.cimd.ClientIdUrl;
import dev.lanyard.grants.client.ClientSource;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.client.RegisteredClientBuilder;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;

/**
 * Client ID Metadata Documents in the authorization server: the one {@link CimdResolver} of the deployment (its
 * cache, its single-flight fetches, its connection pools, closed at shutdown), and the mapping of a validated
 * document to the {@link RegisteredClient} the grants module works with.
 */
@ApplicationScoped
public class CimdSupport {

    /** The grant types a CIMD client may use here, of those its document lists. */
    static final List<GrantType> SUPPORTED_GRANTS = List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);

    @Inject
    ServerConfiguration configuration;
    @Inject
    CimdDocumentCache cache;

    private AuthorizationServerSettings settings;
    private CimdResolver resolver;

    /** Created by CDI. */
    public CimdSupport() {
        // fields are injected
    }

    @PostConstruct
    void init() {
        settings = configuration.settings();
        CimdResolver.Builder b = CimdResolver.builder(settings.cimd()).cache(cache);
        configuration.cimdTestTrust().ifPresent(b::trust);
        resolver = b.build();
    }

    @PreDestroy
    void close() {
        if (resolver != null) {
            resolver.close();
        }
    }

    /** Deletes the document cache's entries past use (a shared cache in the store keeps them otherwise). */
    public void purge() {
        if (resolver.isEnabled()) {
            cache.purgeExpired();
        }
    }

    /** Whether CIMD is enabled. */
    public boolean isEnabled() {
        return resolver.isEnabled();
    }

    /**
     * The client of {@code clientId}, a document URL, resolved through the cache or one shared fetch; empty when CIMD
     * is off or the identifier is not https.
     *
     * @throws dev.lanyard.spec.error.OAuthException {@code invalid_client} or {@code invalid_client_metadata} when the
     *                                               document cannot be had or breaks a rule
     */
    public Optional<RegisteredClient> find(String clientId) {
        if (!resolver.isEnabled() || !ClientIdUrl.looksLikeUrl(clientId)) {
            return Optional.empty();
        }
        return Optional.of(client(resolver.resolve(clientId)));
    }

    /** What the consent page must show about a CIMD client: the warnings of its document. */
    public List<String> warnings(RegisteredClient client) {
        if (client.source() != ClientSource.CIMD || !resolver.isEnabled()) {
            return List.of();
        }
        return resolver.resolve(client.clientId()).warnings().stream().map(CimdWarning::message).toList();
    }

    /** Fetches a CIMD client's {@code jwks_uri} through the resolver's SSRF-safe fetcher. */
    public String fetchJwks(URI jwksUri) throws IOException {
        return resolver.fetchJwks(jwksUri);
    }

    private RegisteredClient client(ClientIdMetadataDocument d) {
        RegisteredClientBuilder b = RegisteredClient.builder(d.clientId().value()).source(ClientSource.CIMD)
                .clientName(d.clientName())
                .redirectUris(d.redirectUris().stream().map(r -> r.value()).toArray(String[]::new))
                .grantTypes(d.grantTypes().stream().filter(SUPPORTED_GRANTS::contains).toArray(GrantType[]::new))
                .scope(d.metadata().scope().orElse(Scope.of(settings.scopeDescriptions().keySet())));
        if (!d.isConfidential()) {
            b.publicClient();
        } else if (d.jwks().isPresent()) {
            b.privateKeyJwt(d.jwks().get().toString());
        } else {
            b.privateKeyJwt(d.jwksUri().orElseThrow());
        }
        d.metadata().tokenEndpointAuthSigningAlg().ifPresent(b::signingAlg);
        return b.build();
    }
}
