package dev.lanyard.discovery.client;

import java.net.URI;

import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/** The sections the discovery chain cites that spec-model's {@link Specs} does not name. */
final class Rules {

    private static final String ASD = "authorization/authorization-server-discovery";

    /** MCP: PRM location from {@code WWW-Authenticate}, else path-inserted, else root well-known URL. */
    static final SpecRef MCP_PRM_DISCOVERY =
            SpecRef.mcp(Specs.MCP, ASD, "protected-resource-metadata-discovery-requirements");
    /** MCP: PRM MUST list at least one authorization server. */
    static final SpecRef MCP_AS_LOCATION = SpecRef.mcp(Specs.MCP, ASD, "authorization-server-location");
    /** MCP: the metadata URLs tried for an issuer, and the issuer check. */
    static final SpecRef MCP_AS_DISCOVERY = SpecRef.mcp(Specs.MCP, ASD, "authorization-server-metadata-discovery");
    /** MCP: clients MUST use S256 and refuse to proceed without {@code code_challenge_methods_supported}. */
    static final SpecRef MCP_PKCE = SpecRef.mcp(Specs.MCP, "authorization", "authorization-code-protection");
    /** OpenID Connect Discovery 1.0 §4.3: {@code issuer} MUST be identical to the issuer URL used. */
    static final SpecRef OIDC_ISSUER = new SpecRef("OpenID Connect Discovery 1.0", "4.3",
            URI.create("https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation"));
    /** OAuth 2.1: communication with the endpoints uses TLS. */
    static final SpecRef OAUTH21_TLS = SpecRef.draft(Specs.OAUTH21, "1.5");
    /** RFC 9728 §3.2 / RFC 8414 §3.2: a successful response is 200 with a JSON object. */
    static final SpecRef RFC9728_RESPONSE = SpecRef.rfc(9728, "3.2");
    /** RFC 8414 §3.2. */
    static final SpecRef RFC8414_RESPONSE = SpecRef.rfc(8414, "3.2");

    private Rules() {
    }
}
