package dev.lanyard.rs.token;

import java.net.URI;
import java.util.Optional;

/**
 * Posts a form to a back-channel endpoint (token introspection, RFC 7662 §2.1) and returns the body of a 200 answer;
 * throws on anything else. In a deployment this is the project's SSRF-safe fetcher.
 */
@FunctionalInterface
public interface FormPost {

    /**
     * @param endpoint      where to post
     * @param form          the encoded form
     * @param authorization the {@code Authorization} header value, if any
     * @return the body of the 200 answer
     */
    String post(URI endpoint, String form, Optional<String> authorization);
}
