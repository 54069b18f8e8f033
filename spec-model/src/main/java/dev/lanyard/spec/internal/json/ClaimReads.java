package dev.lanyard.spec.internal.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.ref.SpecRef;

/**
 * Typed reads and writes of JWT claims (RFC 7519 §4) that collect violations instead of throwing. Internal: not
 * exported.
 */
public final class ClaimReads {

    /** The latest NumericDate accepted: 9999-12-31T23:59:59Z, so that every value is a valid {@code Instant}. */
    public static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    private static final BigDecimal MAX = BigDecimal.valueOf(MAX_NUMERIC_DATE);

    private ClaimReads() {
    }

    /**
     * An OPTIONAL NumericDate (RFC 7519 §2): a JSON number of seconds since the epoch, from 0 to
     * {@link #MAX_NUMERIC_DATE}. A fraction is dropped (the value is floored to whole seconds). A string, or a number
     * out of range such as {@code 1e300}, is a violation.
     */
    public static Optional<Long> numericDate(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        JsonValue value = o.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber n)) {
            v.add("/" + name, "must be a NumericDate: a JSON number of seconds (RFC 7519 §2)", rule);
            return Optional.empty();
        }
        if (n.isIntegral()) {
            // the usual case, a whole number of seconds: no BigDecimal arithmetic (the checks are the same)
            long seconds;
            try {
                seconds = n.longValueExact();
            } catch (ArithmeticException e) {
                seconds = -1; // beyond a long: out of range like any negative value
            }
            if (!isNumericDate(seconds)) {
                v.add("/" + name, "is out of range for a NumericDate", rule);
                return Optional.empty();
            }
            return Optional.of(seconds);
        }
        BigDecimal d = n.bigDecimalValue();
        if (d.signum() < 0 || d.compareTo(MAX) > 0) {
            v.add("/" + name, "is out of range for a NumericDate", rule);
            return Optional.empty();
        }
        if (d.compareTo(BigDecimal.ONE) < 0) {
            return Optional.of(0L); // before setScale: 1e-999999999 would divide by 10^999999999
        }
        return Optional.of(d.setScale(0, RoundingMode.FLOOR).longValueExact());
    }

    /** A REQUIRED NumericDate; {@code null} (with a violation) when missing or invalid. */
    public static Long requiredNumericDate(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        if (!o.containsKey(name)) {
            v.add("/" + name, "is REQUIRED", rule);
            return null;
        }
        return numericDate(o, name, v, rule).orElse(null);
    }

    /** Whether {@code seconds} is a NumericDate this model accepts. */
    public static boolean isNumericDate(long seconds) {
        return seconds >= 0 && seconds <= MAX_NUMERIC_DATE;
    }

    /**
     * A string or an array of strings, as {@code aud} (RFC 7519 §4.1.3) or {@code resource}: every string non-empty,
     * an array non-empty. Absent is an empty list (with a violation when {@code required}).
     */
    public static List<String> stringOrArray(JsonObject o, String name, boolean required, Violations.Collector v,
            SpecRef rule) {
        JsonValue value = o.get(name);
        if (value == null) {
            if (required) {
                v.add("/" + name, "is REQUIRED", rule);
            }
            return List.of();
        }
        if (value instanceof JsonString s) {
            if (s.getString().isEmpty()) {
                v.add("/" + name, "must not be empty", rule);
                return List.of();
            }
            return List.of(s.getString());
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            v.add("/" + name, "must be a string or a non-empty array of strings", rule);
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s && !s.getString().isEmpty()) {
                out.add(s.getString());
            } else {
                v.add("/" + name + "/" + i, "must be a non-empty string", rule);
            }
        }
        return List.copyOf(out);
    }

    /**
     * An OPTIONAL {@code scope} claim: {@code scope-token *( SP scope-token )} (RFC 6749 §3.3), or the empty string
     * for no scope. Repeated tokens are kept once.
     */
    public static Optional<Scope> scope(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        Optional<String> s = JsonReads.string(o, name, v, rule);
        if (s.isEmpty() || s.get().isEmpty()) {
            return s.map(x -> Scope.of());
        }
        String[] tokens = s.get().split(" ", -1);
        for (String t : tokens) {
            if (!Scope.isScopeToken(t)) {
                v.add("/" + name, "must be scope-tokens separated by single spaces (RFC 6749 §3.3)", rule);
                return Optional.empty();
            }
        }
        return Optional.of(Scope.of(tokens));
    }

    /** An OPTIONAL array of any JSON values; absent is an empty list. */
    public static List<JsonValue> array(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        JsonValue value = o.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonArray array) {
            return List.copyOf(array);
        }
        v.add("/" + name, "must be an array", rule);
        return List.of();
    }

    /** An OPTIONAL array of JSON objects; absent is an empty list. */
    public static List<JsonObject> objectArray(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        List<JsonValue> values = array(o, name, v, rule);
        List<JsonObject> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof JsonObject obj) {
                out.add(obj);
            } else {
                v.add("/" + name + "/" + i, "must be a JSON object", rule);
            }
        }
        return List.copyOf(out);
    }

    /** Writes a string when {@code values} has one element, an array when more, nothing when none. */
    public static void putStringOrArray(JsonObjectBuilder b, String name, List<?> values) {
        if (values.size() == 1) {
            b.add(name, values.get(0).toString());
        } else {
            JsonWrites.putList(b, name, values);
        }
    }

    /** Writes an array of JSON values unless the list is empty. */
    public static void putValues(JsonObjectBuilder b, String name, List<? extends JsonValue> values) {
        if (!values.isEmpty()) {
            JsonArrayBuilder a = JsonP.createArrayBuilder();
            values.forEach(a::add);
            b.add(name, a);
        }
    }
}
