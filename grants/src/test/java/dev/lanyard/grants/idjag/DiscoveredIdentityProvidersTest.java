package dev.lanyard.grants.idjag;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.client.DiscoveryException;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata;
import dev.lanyard.spec.ref.Specs;

class DiscoveredIdentityProvidersTest {

    private static final String IDP = "https://idp.example.test";
    private final List<String> looked = new ArrayList<>();

    private static AuthorizationServerMetadata metadata(String issuer, boolean withJwks) {
        String json = "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\","
                + (withJwks ? "\"jwks_uri\":\"" + issuer + "/jwks\"," : "")
                + "\"response_types_supported\":[\"code\"],\"code_challenge_methods_supported\":[\"S256\"]}";
        return AuthorizationServerMetadata.parse(json).orElseThrow();
    }

    private DiscoveredIdentityProviders providers(Map<String, AuthorizationServerMetadata> found) {
        return new DiscoveredIdentityProviders(List.of(IDP, "https://idp2.example.test"), issuer -> {
            looked.add(issuer);
            AuthorizationServerMetadata m = found.get(issuer);
            if (m == null) {
                throw new DiscoveryException(URI.create(issuer), Specs.RFC8414_VALIDATION, "not found", List.of());
            }
            return m;
        });
    }

    @Test
    void jwksUriWhenTrustedThenFromItsValidatedMetadata() {
        DiscoveredIdentityProviders p = providers(Map.of(IDP, metadata(IDP, true)));
        assertThat(p.trusts(IDP)).isTrue();
        assertThat(p.jwksUri(IDP)).contains(URI.create(IDP + "/jwks"));
    }

    @Test
    void jwksUriWhenNotTrustedThenEmptyWithoutLookingItUp() {
        // ID-JAG §4.1: only configured issuers; an unknown iss never causes a fetch
        DiscoveredIdentityProviders p = providers(Map.of());
        assertThat(p.trusts("https://evil.example.test")).isFalse();
        assertThat(p.trusts(IDP + "/")).isFalse();
        assertThat(p.jwksUri("https://evil.example.test")).isEmpty();
        assertThat(looked).isEmpty();
    }

    @Test
    void jwksUriWhenMetadataMissingOrWithoutJwksUriThenEmpty() {
        DiscoveredIdentityProviders p = providers(Map.of(IDP, metadata(IDP, false)));
        assertThat(p.jwksUri(IDP)).isEmpty();
        assertThat(p.jwksUri("https://idp2.example.test")).isEmpty();
        assertThat(p.trusts("https://idp2.example.test")).isTrue();
    }
}
