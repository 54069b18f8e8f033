package dev.lanyard.spec.internal.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.ref.SpecRef;

/**
 * Typed reads of JSON object members that collect a violation, instead of throwing, when a member has the wrong
 * shape. Internal: not exported.
 */
public final class JsonReads {

    private JsonReads() {
    }

    /** An OPTIONAL string member. */
    public static Optional<String> string(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        JsonValue value = o.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        v.add("/" + name, "must be a string", rule);
        return Optional.empty();
    }

    /** A REQUIRED string member; {@code null} (with a violation) when missing or not a non-empty string. */
    public static String requiredString(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        if (!o.containsKey(name)) {
            v.add("/" + name, "is REQUIRED", rule);
            return null;
        }
        Optional<String> s = string(o, name, v, rule);
        if (s.isPresent() && s.get().isEmpty()) {
            v.add("/" + name, "must not be empty", rule);
            return null;
        }
        return s.orElse(null);
    }

    /** An OPTIONAL member that must be an absolute URI without a fragment. */
    public static Optional<URI> absoluteUri(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        return string(o, name, v, rule).flatMap(s -> absoluteUri(s, "/" + name, v, rule));
    }

    /** Checks that {@code s} is an absolute URI without a fragment. */
    public static Optional<URI> absoluteUri(String s, String pointer, Violations.Collector v, SpecRef rule) {
        try {
            URI uri = new URI(s);
            if (!uri.isAbsolute()) {
                v.add(pointer, "must be an absolute URI", rule);
                return Optional.empty();
            }
            if (uri.getRawFragment() != null) {
                v.add(pointer, "must not contain a fragment", rule);
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            v.add(pointer, "is not a URI", rule);
            return Optional.empty();
        }
    }

    /** An OPTIONAL member that must be a URL with the {@code https} scheme, no query and no fragment. */
    public static Optional<URI> httpsUrl(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        return absoluteUri(o, name, v, rule).filter(u -> {
            if (!"https".equals(u.getScheme()) || u.getRawAuthority() == null) {
                v.add("/" + name, "must be an https URL", rule);
                return false;
            }
            return true;
        });
    }

    /** An OPTIONAL boolean member. */
    public static Optional<Boolean> bool(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        JsonValue value = o.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE
                || value.getValueType() == JsonValue.ValueType.TRUE
                || value.getValueType() == JsonValue.ValueType.FALSE) {
            return Optional.of(value.getValueType() == JsonValue.ValueType.TRUE);
        }
        v.add("/" + name, "must be a boolean", rule);
        return Optional.empty();
    }

    /** An OPTIONAL integer member (a JSON number with no fraction that fits a {@code long}). */
    public static Optional<Long> integer(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        JsonValue value = o.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return Optional.of(n.bigDecimalValue().longValueExact());
            } catch (ArithmeticException e) {
                v.add("/" + name, "is out of range", rule);
                return Optional.empty();
            }
        }
        v.add("/" + name, "must be an integer", rule);
        return Optional.empty();
    }

    /** An OPTIONAL object member. */
    public static Optional<JsonObject> object(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        JsonValue value = o.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonObject obj) {
            return Optional.of(obj);
        }
        v.add("/" + name, "must be a JSON object", rule);
        return Optional.empty();
    }

    /** An OPTIONAL array of strings; an absent member is an empty list. */
    public static List<String> stringList(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        JsonValue value = o.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            v.add("/" + name, "must be an array of strings", rule);
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s) {
                out.add(s.getString());
            } else {
                v.add("/" + name + "/" + i, "must be a string", rule);
            }
        }
        return List.copyOf(out);
    }

    /** An OPTIONAL array of absolute URIs without fragments; an absent member is an empty list. */
    public static List<URI> uriList(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        List<String> strings = stringList(o, name, v, rule);
        List<URI> out = new ArrayList<>(strings.size());
        for (int i = 0; i < strings.size(); i++) {
            absoluteUri(strings.get(i), "/" + name + "/" + i, v, rule).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** A string or an array of strings (as {@code aud} in RFC 7519 §4.1.3); absent is an empty list. */
    public static List<String> stringOrList(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        JsonValue value = o.get(name);
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        return stringList(o, name, v, rule);
    }

    /** The members of {@code o} whose names are not in {@code known}, in document order. */
    public static Map<String, JsonValue> extensions(JsonObject o, Set<String> known) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        o.forEach((k, val) -> {
            if (!known.contains(k)) {
                out.put(k, val);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}
