package dev.lanyard.discovery.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.publish.MetadataRoutes.Kind;
import dev.lanyard.discovery.publish.MetadataRoutes.Route;

class MetadataRoutesTest {

    private static final String TENANT_A = "https://as.example.test/tenant-a";
    private static final String DEFAULT = "https://as.example.test";

    private static MetadataRoutes tenants() {
        return MetadataRoutes.builder()
                .authorizationServer(AuthorizationServerMetadataFactory.forIssuer(DEFAULT).build(), false)
                .authorizationServer(AuthorizationServerMetadataFactory.forIssuer(TENANT_A).build(), true)
                .protectedResource(ProtectedResourceMetadataFactory.forResource("https://rs.example.test/api")
                        .authorizationServers(List.of(TENANT_A)).build())
                .build();
    }

    // path issuer served at the inserted URL with issuer exactly the tenant; RFC 8414 §3.1, §3.3
    @Test
    void findWhenTenantPathThenThatTenantsDocument() {
        assertThat(MetadataRoutes.authorizationServerMetadataUrl(TENANT_A))
                .isEqualTo(URI.create("https://as.example.test/.well-known/oauth-authorization-server/tenant-a"));
        Route route = tenants().find("/.well-known/oauth-authorization-server/tenant-a", null).orElseThrow();
        assertThat(route.kind()).isEqualTo(Kind.AUTHORIZATION_SERVER);
        assertThat(route.document().getString("issuer")).isEqualTo(TENANT_A);
    }

    // the trailing-slash variant and an unknown tenant find nothing (404), never the default tenant
    @Test
    void findWhenTrailingSlashOrUnknownTenantThenNothing() {
        MetadataRoutes routes = tenants();
        assertThat(routes.find("/.well-known/oauth-authorization-server/tenant-a/", null)).isEmpty();
        assertThat(routes.find("/.well-known/oauth-authorization-server/tenant-zz", null)).isEmpty();
        assertThat(routes.find("/.well-known/oauth-authorization-server/TENANT-A", null)).isEmpty();
        assertThat(routes.find("/.well-known/oauth-authorization-server", "x=1")).isEmpty();
        assertThat(routes.find("/.well-known/oauth-authorization-server", null).orElseThrow().document()
                .getString("issuer")).isEqualTo(DEFAULT);
    }

    // MD-01 LIB: the OpenID forms, if served, carry the identical issuer
    @Test
    void findWhenOpenIdFormsEnabledThenSameDocument() {
        MetadataRoutes routes = tenants();
        for (String path : List.of("/tenant-a/.well-known/openid-configuration",
                "/.well-known/openid-configuration/tenant-a")) {
            Route route = routes.find(path, null).orElseThrow();
            assertThat(route.kind()).isEqualTo(Kind.OPENID_CONFIGURATION);
            assertThat(route.document().getString("issuer")).isEqualTo(TENANT_A);
        }
        assertThat(routes.find("/.well-known/openid-configuration", null)).isEmpty();
    }

    // RFC 9728 §3.1: inserted before the resource path; the same URL is the challenge's resource_metadata (§5.1)
    @Test
    void findWhenProtectedResourceThenInsertedPath() {
        assertThat(MetadataRoutes.protectedResourceMetadataUrl("https://rs.example.test/api"))
                .isEqualTo(URI.create("https://rs.example.test/.well-known/oauth-protected-resource/api"));
        assertThat(MetadataRoutes.protectedResourceMetadataUrl("https://h:8443/a/b"))
                .isEqualTo(URI.create("https://h:8443/.well-known/oauth-protected-resource/a/b"));
        assertThat(MetadataRoutes.protectedResourceMetadataUrl("https://h/"))
                .isEqualTo(URI.create("https://h/.well-known/oauth-protected-resource"));
        Route route = tenants().find("/.well-known/oauth-protected-resource/api", null).orElseThrow();
        assertThat(route.kind()).isEqualTo(Kind.PROTECTED_RESOURCE);
        assertThat(route.pathAndQuery()).isEqualTo("/.well-known/oauth-protected-resource/api");
        assertThat(tenants().find("/api/.well-known/oauth-protected-resource", null)).isEmpty();
    }

    @Test
    void findWhenResourceHasQueryThenQueryPartOfTheRoute() {
        MetadataRoutes routes = MetadataRoutes.builder().protectedResource(ProtectedResourceMetadataFactory
                .forResource("https://rs.example.test/mcp?tenant=a").authorizationServers(List.of(DEFAULT)).build())
                .build();
        assertThat(routes.find("/.well-known/oauth-protected-resource/mcp", "tenant=a")).isPresent();
        assertThat(routes.find("/.well-known/oauth-protected-resource/mcp", null)).isEmpty();
    }

    @Test
    void buildWhenTwoDocumentsAtOnePathThenIllegalArgument() {
        assertThatThrownBy(() -> MetadataRoutes.builder()
                .authorizationServer(AuthorizationServerMetadataFactory.forIssuer(TENANT_A).build(), false)
                .authorizationServer(AuthorizationServerMetadataFactory.forIssuer(TENANT_A + "/").build(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two documents");
    }
}
