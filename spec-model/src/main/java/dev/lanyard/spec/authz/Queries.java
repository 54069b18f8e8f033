package dev.lanyard.spec.authz;

import dev.lanyard.spec.core.FormParameters;

/** Adds parameters to the query of a URI, keeping the query it has (OAuth 2.1 §2.3, §3.1; RFC 6749 §3.1.2). */
final class Queries {

    private Queries() {
    }

    /**
     * {@code uri} with {@code parameters} appended to its query.
     *
     * @throws IllegalArgumentException when {@code uri} has a fragment: redirect URIs and endpoints MUST NOT
     */
    static String append(String uri, FormParameters parameters) {
        if (uri.indexOf('#') >= 0) {
            throw new IllegalArgumentException("a URI with a fragment cannot take query parameters");
        }
        String encoded = parameters.toUrlEncoded();
        if (encoded.isEmpty()) {
            return uri;
        }
        int q = uri.indexOf('?');
        String separator = q < 0 ? "?" : uri.endsWith("?") || uri.endsWith("&") ? "" : "&";
        return uri + separator + encoded;
    }
}
