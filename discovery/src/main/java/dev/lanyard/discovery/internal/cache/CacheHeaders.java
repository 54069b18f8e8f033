package dev.lanyard.discovery.internal.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import dev.lanyard.discovery.fetch.FetchResult;

/**
 * Reads the freshness lifetime of an answer from its headers (RFC 9111 §4.2.1, §5.2.2), as a private cache that is
 * shared by every user of one server would: {@code private} is treated like {@code no-store}.
 */
public final class CacheHeaders {

    private CacheHeaders() {
    }

    /**
     * The lifetime the headers give: zero if the answer must not be stored, empty if they say nothing.
     *
     * @param now the current time, for {@code Expires} without {@code Date}
     */
    public static Optional<Duration> lifetime(FetchResult result, Instant now) {
        Long maxAge = null;
        for (String header : result.headerValues("cache-control")) {
            for (String part : header.split(",")) {
                String directive = part.strip().toLowerCase(Locale.ROOT);
                if (directive.equals("no-store") || directive.equals("no-cache") || directive.equals("private")
                        || directive.startsWith("no-cache=") || directive.startsWith("private=")) {
                    return Optional.of(Duration.ZERO);
                }
                if (directive.startsWith("max-age=")) {
                    String value = unquote(directive.substring("max-age=".length()));
                    // RFC 9111 §1.2.2: delta-seconds; anything else is treated as stale
                    maxAge = value.matches("[0-9]{1,10}") ? Long.parseLong(value) : 0L;
                }
            }
        }
        if (maxAge != null) {
            long age = result.header("age").filter(a -> a.strip().matches("[0-9]{1,10}"))
                    .map(a -> Long.parseLong(a.strip())).orElse(0L);
            return Optional.of(Duration.ofSeconds(Math.max(0, maxAge - age)));
        }
        Optional<String> expires = result.header("expires");
        if (expires.isPresent()) {
            Optional<Instant> at = httpDate(expires.get());
            if (at.isEmpty()) {
                // RFC 9111 §5.3: an invalid Expires means already expired
                return Optional.of(Duration.ZERO);
            }
            Instant base = result.header("date").flatMap(CacheHeaders::httpDate).orElse(now);
            Duration left = Duration.between(base, at.get());
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
