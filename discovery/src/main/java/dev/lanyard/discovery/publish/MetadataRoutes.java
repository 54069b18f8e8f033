package dev.lanyard.discovery.publish;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.json.JsonObject;

import dev.lanyard.spec.metadata.AuthorizationServerMetadata;
import dev.lanyard.spec.metadata.ProtectedResourceMetadata;
import dev.lanyard.spec.metadata.WellKnown;

/**
 * The well-known URLs each published document must be served at, and the lookup an endpoint uses to serve them: an
 * exact match on the request's raw path (and query), nothing else. The issuer or resource comes from configuration,
 * never from the request's {@code Host} or forwarded headers.
 *
 * <ul>
 *   <li>Authorization server metadata: {@code /.well-known/oauth-authorization-server} inserted before the issuer's
 *       path (RFC 8414 §3.1): issuer {@code https://as.example.test/tenant-a} is served at
 *       {@code /.well-known/oauth-authorization-server/tenant-a}; optionally the OpenID forms too (RFC 8414 §5,
 *       OpenID Connect Discovery §4), with the identical {@code issuer}.</li>
 *   <li>Protected resource metadata: {@code /.well-known/oauth-protected-resource} inserted before the resource's
 *       path and query (RFC 9728 §3.1); the same URL goes in {@code resource_metadata} of the RS's challenges.</li>
 * </ul>
 *
 * <p>A trailing-slash variant or an unknown tenant finds nothing (serve 404), never another tenant's document
 * (A-061, MD-02).
 */
public final class MetadataRoutes {

    /** Which kind of document a route serves. */
    public enum Kind {
        /** RFC 8414 authorization server metadata. */
        AUTHORIZATION_SERVER,
        /** The same metadata at an OpenID configuration URL. */
        OPENID_CONFIGURATION,
        /** RFC 9728 protected resource metadata. */
        PROTECTED_RESOURCE
    }

    /**
     * One document and where it is served.
     *
     * @param kind     the kind of document
     * @param url      its well-known URL
     * @param document the JSON to serve, with {@code Content-Type: application/json}
     */
    public record Route(Kind kind, URI url, JsonObject document) {
        public Route {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(document, "document");
        }

        /** The raw path and query the route matches: what an endpoint compares the request with. */
        public String pathAndQuery() {
            return MetadataRoutes.pathAndQuery(url);
        }
    }

    private final Map<String, Route> byPath;

    private MetadataRoutes(Map<String, Route> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    /** An empty set of routes to add documents to. */
    public static Builder builder() {
        return new Builder();
    }

    /** The RFC 8414 §3.1 metadata URL of an issuer. */
    public static URI authorizationServerMetadataUrl(String issuer) {
        return WellKnown.authorizationServer(URI.create(issuer));
    }

    /** The RFC 9728 §3.1 metadata URL of a resource: also the {@code resource_metadata} of its challenges (§5.1). */
    public static URI protectedResourceMetadataUrl(String resource) {
        return WellKnown.protectedResource(URI.create(resource));
    }

    /**
     * The route for a request, by exact raw path and query ({@code rawQuery} null when the request has none).
     *
     * @return the route, or empty: answer 404
     */
    public Optional<Route> find(String rawPath, String rawQuery) {
        return Optional.ofNullable(byPath.get(rawPath + (rawQuery == null ? "" : "?" + rawQuery)));
    }

    /** Every route. */
    public List<Route> routes() {
        return List.copyOf(byPath.values());
    }

    private static String pathAndQuery(URI url) {
        return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    /** Collects documents; two documents at one path are refused. */
    public static final class Builder {
        private final Map<String, Route> byPath = new LinkedHashMap<>();

        private Builder() {
        }

        /** Serves {@code metadata} at its RFC 8414 URL, and at the OpenID configuration URLs if asked. */
        public Builder authorizationServer(AuthorizationServerMetadata metadata, boolean alsoOpenIdConfiguration) {
            URI issuer = URI.create(metadata.issuer());
            JsonObject json = metadata.toJson();
            add(new Route(Kind.AUTHORIZATION_SERVER, WellKnown.authorizationServer(issuer), json));
            if (alsoOpenIdConfiguration) {
                List<URI> oidc = new ArrayList<>(List.of(WellKnown.openIdConfigurationAppended(issuer)));
                URI inserted = WellKnown.openIdConfigurationInserted(issuer);
                if (!oidc.contains(inserted)) {
                    oidc.add(inserted);
                }
                oidc.forEach(url -> add(new Route(Kind.OPENID_CONFIGURATION, url, json)));
            }
            return this;
        }

        /** Serves {@code metadata} at its RFC 9728 URL. */
        public Builder protectedResource(ProtectedResourceMetadata metadata) {
            add(new Route(Kind.PROTECTED_RESOURCE, protectedResourceMetadataUrl(metadata.resource()),
                    metadata.toJson()));
            return this;
        }

        /** The routes. */
        public MetadataRoutes build() {
            return new MetadataRoutes(byPath);
        }

        private void add(Route route) {
            Route previous = byPath.putIfAbsent(route.pathAndQuery(), route);
            if (previous != null) {
                throw new IllegalArgumentException("two documents at " + route.pathAndQuery() + ": " + previous.url()
                        + " and " + route.url());
            }
        }
    }
}
