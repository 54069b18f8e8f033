package dev.lanyard.grants.auth;

import java.io.IOException;
import java.net.URI;

/**
 * Fetches a client's {@code jwks_uri}. Supply the project's SSRF-safe fetcher: no special-use addresses, no
 * redirects across origins, timeouts and a body cap. The authenticator rate-limits refetches itself.
 */
@FunctionalInterface
public interface JwksFetcher {

    /** A fetcher that never connects: clients with a {@code jwks_uri} cannot authenticate. */
    JwksFetcher NONE = uri -> {
        throw new IOException("fetching jwks_uri is not configured");
    };

    /**
     * The body of {@code jwksUri}.
     *
     * @throws IOException when it cannot be fetched
     */
    String fetch(URI jwksUri) throws IOException;
}
