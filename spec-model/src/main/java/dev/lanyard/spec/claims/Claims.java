package dev.lanyard.spec.claims;

import jakarta.json.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.internal.json.ClaimReads;

/** Invariant checks the claim-set records share; failures are programmer errors. */
final class Claims {

    private Claims() {
    }

    static void requireText(String value, String claim) {
        Objects.requireNonNull(value, claim);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(claim + " must not be empty");
        }
    }

    static void requireDate(long seconds, String claim) {
        if (!ClaimReads.isNumericDate(seconds)) {
            throw new IllegalArgumentException(claim + " must be a NumericDate from 0 to year 9999");
        }
    }

    static void requireDate(Optional<Long> seconds, String claim) {
        Objects.requireNonNull(seconds, claim).ifPresent(s -> requireDate(s, claim));
    }

    /** A copy of a non-empty audience list whose values are non-empty. */
    static List<String> requireAudience(List<String> aud) {
        List<String> copy = List.copyOf(aud);
        if (copy.isEmpty() || copy.contains("")) {
            throw new IllegalArgumentException("aud holds at least one non-empty value (RFC 7519 §4.1.3)");
        }
        return copy;
    }

    /** An unmodifiable, ordered copy of {@code extensions}, refusing names that have their own component. */
    static Map<String, JsonValue> extensions(Map<String, JsonValue> extensions, Set<String> known) {
        Map<String, JsonValue> copy = new LinkedHashMap<>();
        extensions.forEach((name, value) -> {
            if (known.contains(name)) {
                throw new IllegalArgumentException("the claim " + name + " has its own component");
            }
            copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
        });
        return Collections.unmodifiableMap(copy);
    }
}
