package dev.lanyard.rs;

/**
 * The MicroProfile Config keys of the resource server, with their defaults. Durations are ISO-8601 ({@code PT60S}).
 */
public final class RsConfigKeys {

    /** REQUIRED. This resource's identifier (RFC 8707 / RFC 9728 §1.2), e.g. {@code https://mcp.example.com/mcp}. */
    public static final String RESOURCE = "lanyard.rs.resource";
    /** REQUIRED. Issuer identifiers of the trusted authorization servers, comma-separated (RFC 9728 §2). */
    public static final String AUTHORIZATION_SERVERS = "lanyard.rs.authorization-servers";
    /** Scopes published in the metadata (RECOMMENDED, RFC 9728 §2); never {@code offline_access}. Default: none. */
    public static final String SCOPES_SUPPORTED = "lanyard.rs.scopes-supported";
    /** Human-readable name of the resource (RFC 9728 §2). Default: none. */
    public static final String RESOURCE_NAME = "lanyard.rs.resource-name";
    /** URL of developer documentation (RFC 9728 §2). Default: none. */
    public static final String RESOURCE_DOCUMENTATION = "lanyard.rs.resource-documentation";
    /** Scope hierarchy edges {@code broad>narrow}, comma-separated. Default: flat. */
    public static final String SCOPE_HIERARCHY = "lanyard.rs.scope-hierarchy";
    /** Scopes every protected request needs (the servlet filter's default requirement). Default: none. */
    public static final String REQUIRED_SCOPES = "lanyard.rs.required-scopes";
    /**
     * The prefix of per-tool scope requirements of the servlet filter: {@code lanyard.rs.tool-scopes.<tool>} lists
     * (space- or comma-separated) the scopes an MCP {@code tools/call} of {@code <tool>} needs on top of
     * {@link #REQUIRED_SCOPES}; a 403 {@code insufficient_scope} challenge then names them all. Default: none (the
     * body is not read).
     */
    public static final String TOOL_SCOPES_PREFIX = "lanyard.rs.tool-scopes.";
    /**
     * With tool scopes: the largest POST body read to find the tools called, in bytes. A longer body, or one that
     * cannot be read with certainty, needs every tool's scope. Default: 65536.
     */
    public static final String TOOL_SCOPES_MAX_BODY = "lanyard.rs.json-rpc.max-inspected-bytes";
    /** The {@code realm} of challenges. Default: the resource identifier. */
    public static final String REALM = "lanyard.rs.realm";
    /** Accepted JWS algorithms. Default: {@code ES256,RS256,PS256}. {@code none} and HMAC are never accepted. */
    public static final String ALGORITHMS = "lanyard.rs.token.algorithms";
    /** Clock leeway for {@code exp}, {@code nbf}, {@code iat}. Default: {@code PT60S}. */
    public static final String LEEWAY = "lanyard.rs.token.leeway";
    /** Override of the JWKS URL; default: the {@code jwks_uri} of the authorization server's metadata. */
    public static final String JWKS_URI = "lanyard.rs.token.jwks-uri";
    /** The shortest time between two JWKS fetches triggered by an unknown {@code kid}. Default: {@code PT60S}. */
    public static final String JWKS_REFETCH_COOLDOWN = "lanyard.rs.token.jwks-refetch-cooldown";
    /** How many verified tokens are cached (by SHA-256 of the token, never past {@code exp}). Default: 10000. */
    public static final String CACHE_SIZE = "lanyard.rs.token.cache-size";
    /** Largest token accepted, in characters. Default: 8192. */
    public static final String MAX_TOKEN_LENGTH = "lanyard.rs.token.max-length";
    /**
     * Development and tests only: lets the outbound fetcher reach loopback addresses (the authorization server on
     * 127.0.0.1) and plain http there. Default: {@code false}; logged loudly when on.
     */
    public static final String ALLOW_LOOPBACK = "lanyard.rs.fetch.allow-loopback";

    /**
     * The origins whose browser-based clients may call the protected resource with CORS (through
     * {@code BearerTokenServletFilter} or {@code BearerTokenFilter}): exact origins ({@code http://localhost:6274}),
     * comma-separated, or {@code *} for any. Default: none. Preflights are answered 204 without a challenge; answers,
     * challenges included, expose {@code WWW-Authenticate} and {@code Mcp-Session-Id}. The protected resource
     * metadata is public and always answers {@code Access-Control-Allow-Origin: *}.
     */
    public static final String CORS_ALLOWED_ORIGINS = "lanyard.rs.cors.allowed-origins";

    /** RFC 7662 introspection endpoint for opaque tokens. Default: none (only JWT access tokens are accepted). */
    public static final String INTROSPECTION_ENDPOINT = "lanyard.rs.introspection.endpoint";
    /** This resource server's client id at the authorization server, for introspection. */
    public static final String INTROSPECTION_CLIENT_ID = "lanyard.rs.introspection.client-id";
    /** Its client secret (HTTP Basic, RFC 6749 §2.3.1). Never logged. */
    public static final String INTROSPECTION_CLIENT_SECRET = "lanyard.rs.introspection.client-secret";

    private RsConfigKeys() {
    }
}
