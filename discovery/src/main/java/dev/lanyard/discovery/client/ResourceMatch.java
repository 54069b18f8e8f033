package dev.lanyard.discovery.client;

/**
 * How the {@code resource} of protected resource metadata is compared with the MCP server URL requested
 * (RFC 9728 §3.3).
 */
public enum ResourceMatch {

    /**
     * The default: {@code resource} must be identical to the URL requested, compared code point by code point with no
     * normalisation (RFC 9728 §3.3, §6). A trailing slash, another case or a default port make a difference.
     */
    EXACT,

    /**
     * Opt-in, for servers that publish their origin (or a parent path) as {@code resource}: same scheme, host and port
     * as the URL requested, no query, and a path that is the requested path or a parent of it on a segment boundary
     * ({@code https://h} and {@code https://h/api} cover {@code https://h/api/mcp}; {@code https://h/ap} does not).
     * This is the relaxation proposed by draft-mcguinness-oauth-rfc9728bis and used by some MCP SDKs; it is not
     * RFC 9728 and the resource obtained is then the broader one the server published.
     */
    SAME_ORIGIN_PATH_PREFIX
}
