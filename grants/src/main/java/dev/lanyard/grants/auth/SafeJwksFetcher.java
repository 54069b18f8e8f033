package dev.lanyard.grants.auth;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

import dev.lanyard.discovery.fetch.FetchException;
import dev.lanyard.discovery.fetch.FetchResult;
import dev.lanyard.discovery.fetch.SafeFetcher;

/**
 * {@link JwksFetcher} over the project's one SSRF-safe fetcher (special-use addresses refused, no cross-origin
 * redirects, timeouts, a body cap): how clients' {@code jwks_uri} documents are fetched (JB-05, A-076).
 */
public final class SafeJwksFetcher implements JwksFetcher {

    private final SafeFetcher fetcher;

    /** @param fetcher the fetcher, with the policy for client key documents */
    public SafeJwksFetcher(SafeFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public String fetch(URI jwksUri) throws IOException {
        FetchResult result;
        try {
            result = fetcher.fetch(jwksUri);
        } catch (FetchException e) {
            throw new IOException("jwks_uri refused or unreachable: " + e.reason(), e);
        }
        if (!result.isSuccess()) {
            throw new IOException("jwks_uri answered " + result.status());
        }
        return result.bodyAsString();
    }
}
