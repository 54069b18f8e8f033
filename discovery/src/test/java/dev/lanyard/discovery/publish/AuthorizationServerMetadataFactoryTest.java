package dev.lanyard.discovery.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata;

class AuthorizationServerMetadataFactoryTest {

    private static final String ISS = "https://as.example.test";

    // metadata content check on the default issuer (RFC 8414 §2; RFC 9207 §3; RFC 9700 §2.1.1)
    @Test
    void buildWhenDefaultsThenA062Holds() {
        JsonObject json = AuthorizationServerMetadataFactory.forIssuer(ISS).build().toJson();

        assertThat(json.getString("issuer")).isEqualTo(ISS);
        assertThat(strings(json, "response_types_supported")).containsExactly("code");
        assertThat(strings(json, "grant_types_supported")).isNotEmpty().doesNotContain("implicit", "password");
        assertThat(strings(json, "code_challenge_methods_supported")).contains("S256").doesNotContain("plain");
        assertThat(strings(json, "token_endpoint_auth_signing_alg_values_supported")).isNotEmpty()
                .noneMatch(a -> a.equalsIgnoreCase("none"));
        assertThat(strings(json, "token_endpoint_auth_methods_supported")).contains("client_secret_basic",
                "client_secret_post");
        assertThat(json.getBoolean("authorization_response_iss_parameter_supported")).isTrue();
        for (String member : List.of("authorization_endpoint", "token_endpoint", "jwks_uri")) {
            assertThat(json.getString(member)).as(member).startsWith("https://");
        }
        json.entrySet().stream().filter(e -> e.getKey().endsWith("_endpoint"))
                .forEach(e -> assertThat(((JsonString) e.getValue()).getString()).as(e.getKey())
                        .startsWith("https://"));
    }

    @Test
    void buildWhenRoundTrippedThenParsesToEqualRecord() {
        AuthorizationServerMetadata built = AuthorizationServerMetadataFactory.forIssuer(ISS + "/tenant-a")
                .registrationEndpoint(URI.create(ISS + "/tenant-a/register"))
                .revocationEndpoint(URI.create(ISS + "/tenant-a/revoke"))
                .introspectionEndpoint(URI.create(ISS + "/tenant-a/introspect"))
                .scopes(List.of("mcp:tools", "offline_access"))
                .clientIdMetadataDocuments(true)
                .build();
        assertThat(AuthorizationServerMetadata.parse(built.toJson()).orElseThrow()).isEqualTo(built);
        assertThat(built.endpoints().token()).contains(URI.create(ISS + "/tenant-a/token"));
        assertThat(built.clientIdMetadataDocumentsSupported()).isTrue();
        assertThat(built.supportsS256()).isTrue();
        assertThat(built.issParameterSupported()).isTrue();
    }

    @Test
    void buildWhenIdJagProfileThenJwtBearerGrantAdded() {
        AuthorizationServerMetadata built = AuthorizationServerMetadataFactory.forIssuer(ISS).idJagGrantProfile()
                .build();
        assertThat(built.authorizationGrantProfilesSupported()).containsExactly(
                AuthorizationServerMetadata.ID_JAG_GRANT_PROFILE);
        assertThat(built.grantTypesSupported()).contains(GrantType.JWT_BEARER, GrantType.AUTHORIZATION_CODE);
    }

    @Test
    void buildWhenDpopAlgorithmsThenPublishedOnlyThen() {
        // RFC 9449 §5.1: dpop_signing_alg_values_supported, absent when the server reads no proofs
        JsonObject json = AuthorizationServerMetadataFactory.forIssuer(ISS).dpopSigningAlgorithms(List.of("ES256",
                "PS256")).build().toJson();
        assertThat(strings(json, "dpop_signing_alg_values_supported")).containsExactly("ES256", "PS256");
        assertThat(AuthorizationServerMetadataFactory.forIssuer(ISS).build().toJson())
                .doesNotContainKey("dpop_signing_alg_values_supported");
    }

    @Test
    void buildWhenAuthorizationDetailsTypesThenPublishedOnlyThen() {
        // RFC 9396 §10: authorization_details_types_supported, absent when no type is processed
        JsonObject json = AuthorizationServerMetadataFactory.forIssuer(ISS).authorizationDetailsTypes(List.of(
                "chat_read", "chat_history")).build().toJson();
        assertThat(strings(json, "authorization_details_types_supported")).containsExactly("chat_read",
                "chat_history");
        assertThat(AuthorizationServerMetadataFactory.forIssuer(ISS).authorizationDetailsTypes(List.of()).build()
                .toJson()).doesNotContainKey("authorization_details_types_supported");
    }

    // OAuth 2.1 removes implicit and password; RFC 8414 §2 defaults an absent list to implicit
    @Test
    void buildWhenRemovedOrNoGrantTypesThenIllegalArgument() {
        for (String removed : List.of("implicit", "password")) {
            assertThatThrownBy(() -> AuthorizationServerMetadataFactory.forIssuer(ISS)
                    .grantTypes(List.of(GrantType.AUTHORIZATION_CODE, new GrantType(removed))).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(removed);
        }
        assertThatThrownBy(() -> AuthorizationServerMetadataFactory.forIssuer(ISS).grantTypes(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grant_types_supported");
    }

    // RFC 8414 §2: none MUST NOT be a signing algorithm
    @Test
    void buildWhenSigningAlgNoneThenIllegalArgument() {
        assertThatThrownBy(() -> AuthorizationServerMetadataFactory.forIssuer(ISS)
                .tokenEndpointAuth(List.of(ClientAuthMethod.PRIVATE_KEY_JWT), List.of("RS256", "none")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none");
    }

    // every endpoint is https; MD-02: the issuer is https without query or fragment
    @Test
    void buildWhenEndpointOrIssuerNotHttpsThenIllegalArgument() {
        assertThatThrownBy(() -> AuthorizationServerMetadataFactory.forIssuer(ISS).endpoints(
                URI.create("http://as.example.test/authorize"), URI.create(ISS + "/token"), URI.create(ISS + "/jwks"))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> AuthorizationServerMetadataFactory.forIssuer(ISS)
                .registrationEndpoint(URI.create("http://127.0.0.1/register")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthorizationServerMetadataFactory.forIssuer("http://as.example.test"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildWhenLoopbackDevelopmentIssuerThenHttpAllowed() {
        AuthorizationServerMetadata dev = AuthorizationServerMetadataFactory.forIssuer("http://127.0.0.1:9080/as")
                .build();
        assertThat(dev.endpoints().authorization()).contains(URI.create("http://127.0.0.1:9080/as/authorize"));
        assertThat(dev.jwksUri()).isEqualTo(Optional.of(URI.create("http://127.0.0.1:9080/as/jwks")));
    }

    @Test
    void buildWhenNoScopesThenMemberOmitted() {
        JsonObject json = AuthorizationServerMetadataFactory.forIssuer(ISS).build().toJson();
        assertThat(json).doesNotContainKey("scopes_supported")
                .doesNotContainKey("client_id_metadata_document_supported");
    }

    private static List<String> strings(JsonObject json, String member) {
        return json.getJsonArray(member).stream().map(v -> ((JsonString) v).getString()).toList();
    }
}
