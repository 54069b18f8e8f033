package dev.lanyard.spec.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * A resource indicator (RFC 8707 §2): an absolute URI without a fragment, compared as the exact string sent.
 *
 * @param value the URI string, exactly as given
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
     * Reads a {@code resource} parameter.
     *
     * @throws OAuthException {@code invalid_target} when it is not an absolute URI or carries a fragment
     */
    public static ResourceIndicator parse(String value) {
        String problem = problem(value);
        if (problem != null) {
            // RFC 8707 §2: MUST be an absolute URI; MUST NOT include a fragment component
            throw OAuthException.of(OAuthError.INVALID_TARGET, "The resource " + problem, Specs.RFC8707_RESOURCE);
        }
        return new ResourceIndicator(value);
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
