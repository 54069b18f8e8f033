package dev.lanyard.discovery.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP answer read by {@link SafeFetcher}: whatever its status, within the policy's body cap.
 *
 * @param uri     the URI finally fetched (the one asked for, or a same-origin redirect target)
 * @param status  the HTTP status code
 * @param headers the headers the project uses ({@link #KEPT_HEADERS}), names in lower case, values in order
 * @param body    the body, at most the policy's cap; empty for {@link SafeFetcher#probe(URI)}
 */
public record FetchResult(URI uri, int status, Map<String, List<String>> headers, byte[] body) {

    /** The response headers kept; others are dropped. */
    public static final List<String> KEPT_HEADERS = List.of("age", "cache-control", "content-length", "content-type",
            "date", "etag", "expires", "last-modified", "location", "retry-after", "www-authenticate");

    public FetchResult {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        TreeMap<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    /** A copy of the body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8 (RFC 8259 §8.1). */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header, in order; empty if absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The media type of {@code Content-Type} in lower case, without parameters, if present. */
    public Optional<String> mediaType() {
        return header("content-type").map(v -> {
            int semi = v.indexOf(';');
            return (semi < 0 ? v : v.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        }).filter(v -> !v.isEmpty());
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FetchResult that && uri.equals(that.uri) && status == that.status
                && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, status, headers, Arrays.hashCode(body));
    }

    /** {@code 200 https://as.example/.well-known/… (1234 bytes)}; never the body. */
    @Override
    public String toString() {
        return status + " " + uri + " (" + body.length + " bytes)";
    }
}
