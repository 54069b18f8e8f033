package dev.lanyard.discovery.client;

import java.util.List;
import java.util.stream.Collectors;

import dev.lanyard.discovery.testing.TestServer;

/**
 * Metadata documents shaped like real deployments, for the discovery chain tests: a Keycloak-style realm issuer, an
 * OpenID-only provider, an MCP server's protected resource metadata.
 */
final class Fixtures {

    private Fixtures() {
    }

    static String list(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** RFC 9728 protected resource metadata as an MCP server publishes it. */
    static String prm(String resource, String... authorizationServers) {
        return """
                {"resource":"%s","authorization_servers":%s,"scopes_supported":["mcp:tools","mcp:resources"],\
                "bearer_methods_supported":["header"],"resource_name":"Notes MCP server"}"""
                .formatted(resource, list(List.of(authorizationServers)));
    }

    /** Authorization server metadata with the members an OAuth 2.1 / MCP server publishes. */
    static String asMetadata(String issuer, String endpointBase, String pkceMethods) {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%2$s/protocol/openid-connect/auth",\
                "token_endpoint":"%2$s/protocol/openid-connect/token","jwks_uri":"%1$s/protocol/openid-connect/certs",\
                "registration_endpoint":"%2$s/clients-registrations/openid-connect",\
                "response_types_supported":["code"],"grant_types_supported":["authorization_code","refresh_token"],\
                "token_endpoint_auth_methods_supported":["none","client_secret_basic"],\
                %3$s"authorization_response_iss_parameter_supported":true,\
                "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}"""
                .formatted(issuer, endpointBase, pkceMethods == null ? ""
                        : "\"code_challenge_methods_supported\":" + pkceMethods + ",");
    }

    /** Metadata of {@code issuer} with endpoints under it and S256. */
    static String asMetadata(String issuer) {
        return asMetadata(issuer, issuer, "[\"plain\",\"S256\"]");
    }

    /** Answers the MCP endpoint with a 401 Bearer challenge. */
    static void challenge(TestServer server, String path, String challenge) {
        server.route(path, exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
            TestServer.send(exchange, 401, "application/json", "{\"error\":\"unauthorized\"}");
        });
    }
}
