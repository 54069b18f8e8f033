package dev.lanyard.spec.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * A resource indicator (RFC 8707 §2): an absolute URI without a fragment, compared as an exact string. A
 * {@code resource} parameter read by {@link #parse} has its scheme and host in lower case (RFC 3986 §6.2.2.1: they are
 * case-insensitive; MCP canonical server URI: implementations accept upper case), and nothing else changed.
 *
 * @param value the URI string
 */
public record ResourceIndicator(String value) {

    /** The longest resource indicator accepted. */
    public static final int MAX_LENGTH = 2048;

    public ResourceIndicator {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Reads a {@code resource} parameter: {@code HTTPS://MCP.Example.com/Mcp} is {@code https://mcp.example.com/Mcp}.
     *
     * @throws OAuthException {@code invalid_target} when it is not an absolute URI or carries a fragment
     */
    public static ResourceIndicator parse(String value) {
        String problem = problem(value);
        if (problem != null) {
            // RFC 8707 §2: MUST be an absolute URI; MUST NOT include a fragment component
            throw OAuthException.of(OAuthError.INVALID_TARGET, "The resource " + problem, Specs.RFC8707_RESOURCE);
        }
        return new ResourceIndicator(lowerSchemeAndHost(value));
    }

    // RFC 3986 §6.2.2.1: scheme and host are case-insensitive, their canonical form is lower case; user info, port,
    // path and query stay exactly as sent
    private static String lowerSchemeAndHost(String value) {
        int colon = value.indexOf(':');
        String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = value.substring(colon);
        if (!rest.startsWith("://")) {
            return scheme + rest;
        }
        int authorityStart = 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < rest.length() && "/?".indexOf(rest.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = rest.substring(authorityStart, authorityEnd);
        int hostStart = authority.lastIndexOf('@') + 1;
        int hostEnd = authority.startsWith("[", hostStart) ? authority.indexOf(']', hostStart) + 1
                : authority.indexOf(':', hostStart) >= 0 ? authority.indexOf(':', hostStart) : authority.length();
        String host = authority.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT);
        return scheme + "://" + authority.substring(0, hostStart) + host + authority.substring(hostEnd)
                + rest.substring(authorityEnd);
    }

    private static String problem(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return "must be a non-empty URI of at most " + MAX_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "is not a URI";
        }
        if (!uri.isAbsolute()) {
            return "must be an absolute URI";
        }
        if (uri.getRawFragment() != null || value.indexOf('#') >= 0) {
            return "must not include a fragment";
        }
        return null;
    }

    /** The URI. */
    public URI uri() {
        return URI.create(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
