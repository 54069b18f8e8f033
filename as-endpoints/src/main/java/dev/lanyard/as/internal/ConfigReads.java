package dev.lanyard.as.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/** Typed reads of MicroProfile Config values that collect every problem, naming its key, instead of failing first. */
final class ConfigReads {

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    ConfigReads(Config config) {
        this.config = config;
    }

    /** Records a problem; the message starts with the key at fault. */
    void problem(String message) {
        problems.add(message);
    }

    List<String> problems() {
        return problems;
    }

    /** A trimmed, non-empty value. */
    Optional<String> string(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The items of a comma-separated list ({@code \,} escapes a comma), trimmed, empty ones dropped. */
    List<String> list(String key) {
        return config.getOptionalValues(key, String.class).orElse(List.of()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A positive ISO-8601 duration. */
    Duration duration(String key, Duration fallback) {
        try {
            Duration d = string(key).map(Duration::parse).orElse(fallback);
            if (!d.isPositive()) {
                problems.add(key + " must be a positive duration");
                return fallback;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(key + " is not an ISO-8601 duration (for example PT60S)");
            return fallback;
        }
    }

    /** A non-negative ISO-8601 duration. */
    Duration durationOrZero(String key, Duration fallback) {
        try {
            Duration d = string(key).map(Duration::parse).orElse(fallback);
            if (d.isNegative()) {
                problems.add(key + " must not be negative");
                return fallback;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(key + " is not an ISO-8601 duration (for example PT60S)");
            return fallback;
        }
    }

    /** A positive whole number. */
    long positive(String key, long fallback) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.get());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " must be a positive whole number");
        return fallback;
    }

    /** {@code true} or {@code false}. */
    boolean bool(String key, boolean fallback) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return fallback;
        }
        if (!v.get().equalsIgnoreCase("true") && !v.get().equalsIgnoreCase("false")) {
            problems.add(key + " must be true or false");
            return fallback;
        }
        return Boolean.parseBoolean(v.get());
    }
}
