package dev.lanyard.discovery.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.metadata.ProtectedResourceMetadata;

class ProtectedResourceMetadataFactoryTest {

    private static final String RS = "https://rs.example.test/api";

    // MCP: PRM lists at least one authorization server; PR-01: bearer_methods_supported ["header"]
    @Test
    void buildWhenAuthorizationServerGivenThenMcpShape() {
        ProtectedResourceMetadata prm = ProtectedResourceMetadataFactory.forResource(RS)
                .authorizationServers(List.of("https://as.example.test"))
                .scopes(List.of("items:read", "items:write"))
                .resourceName("Items API")
                .build();
        JsonObject json = prm.toJson();
        assertThat(json.getString("resource")).isEqualTo(RS);
        assertThat(json.getJsonArray("authorization_servers")).hasSize(1);
        assertThat(json.getJsonArray("bearer_methods_supported").getString(0)).isEqualTo("header");
        assertThat(ProtectedResourceMetadata.parse(json).orElseThrow()).isEqualTo(prm);
    }

    @Test
    void buildWhenNoAuthorizationServerThenIllegalArgument() {
        assertThatThrownBy(() -> ProtectedResourceMetadataFactory.forResource(RS).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorization_servers");
    }

    // RFC 9728 §3.2: zero values are omitted, never "scopes_supported": []
    @Test
    void buildWhenNoScopesThenMemberOmitted() {
        JsonObject json = ProtectedResourceMetadataFactory.forResource(RS)
                .authorizationServers(List.of("https://as.example.test")).build().toJson();
        assertThat(json).doesNotContainKey("scopes_supported");
    }

    // MCP refresh tokens: offline_access SHOULD NOT be in PRM scopes_supported
    @Test
    void buildWhenOfflineAccessThenIllegalArgument() {
        assertThatThrownBy(() -> ProtectedResourceMetadataFactory.forResource(RS)
                .authorizationServers(List.of("https://as.example.test"))
                .scopes(List.of("items:read", "offline_access")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offline_access");
    }

    // RFC 9728 §1.2 / §2: https resource, https jwks_uri
    @Test
    void forResourceWhenNotHttpsThenIllegalArgument() {
        assertThatThrownBy(() -> ProtectedResourceMetadataFactory.forResource("http://rs.example.test/api"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtectedResourceMetadataFactory.forResource(RS)
                .jwksUri(URI.create("http://rs.example.test/jwks")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ProtectedResourceMetadataFactory.forResource("http://localhost:9080/mcp")
                .authorizationServers(List.of("http://localhost:9080")).build().resource())
                .isEqualTo("http://localhost:9080/mcp");
    }
}
