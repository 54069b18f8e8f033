package dev.lanyard.spec.metadata;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code extensions} component the metadata records share: unknown members, kept in document order. */
final class Extensions {

    /** Members whose values are credentials: {@code toString()} of an extensions map never shows them. */
    static final Set<String> SECRETS = Set.of("client_secret", "registration_access_token");

    private Extensions() {
    }

    /**
     * An unmodifiable copy of {@code extensions}, in its iteration order.
     *
     * @throws IllegalArgumentException when a name is one of the {@code known} members (it would be written twice)
     */
    static Map<String, JsonValue> copy(Map<String, JsonValue> extensions, Set<String> known) {
        Objects.requireNonNull(extensions, "extensions");
        Map<String, JsonValue> out = new LinkedHashMap<>();
        extensions.forEach((name, value) -> {
            Objects.requireNonNull(name, "extension name");
            Objects.requireNonNull(value, "extension value");
            if (known.contains(name)) {
                throw new IllegalArgumentException("extension member collides with a defined member: " + name);
            }
            out.put(name, value);
        });
        return new Unmodifiable(out);
    }

    /**
     * The language-tagged variants of {@code member} (RFC 7591 §2.2, RFC 9728 §2.1, RFC 8414 §2): for each string
     * member named {@code member#tag}, the tag and the value, in document order.
     */
    static Map<String, String> localized(Map<String, JsonValue> extensions, String member) {
        String prefix = member + "#";
        Map<String, String> out = new LinkedHashMap<>();
        extensions.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length() && value instanceof JsonString s) {
                out.put(name.substring(prefix.length()), s.getString());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** An unmodifiable map in insertion order whose {@code toString()} hides credential values. */
    private static final class Unmodifiable extends AbstractMap<String, JsonValue> {
        private final Map<String, JsonValue> map;

        Unmodifiable(Map<String, JsonValue> map) {
            this.map = Collections.unmodifiableMap(map);
        }

        @Override
        public Set<Entry<String, JsonValue>> entrySet() {
            return map.entrySet();
        }

        @Override
        public JsonValue get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public String toString() {
            return map.entrySet().stream()
                    .map(e -> e.getKey() + "=" + (SECRETS.contains(e.getKey()) ? "<redacted>" : e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }
}
