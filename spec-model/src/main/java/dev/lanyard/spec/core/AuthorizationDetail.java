package dev.lanyard.spec.core;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.internal.json.JsonP;

/**
 * One authorization detail (RFC 9396 §2): a JSON object with a {@code type} string, the common fields of §2.2 when
 * present, and any other members of its type, kept as they are.
 *
 * <p>The common fields are checked for their shape: {@code locations}, {@code actions}, {@code datatypes} and
 * {@code privileges} are arrays of strings, {@code identifier} a string. Whether a type's own members are valid is
 * for the authorization server that knows the type ({@link AuthorizationDetails}).
 *
 * @param json the object, as received or built
 */
public record AuthorizationDetail(JsonObject json) {

    /** The common fields holding arrays of strings (RFC 9396 §2.2). */
    static final List<String> STRING_ARRAYS = List.of("locations", "actions", "datatypes", "privileges");

    public AuthorizationDetail {
        Objects.requireNonNull(json, "json");
        String problem = problem(json);
        if (problem != null) {
            throw new IllegalArgumentException(problem + " (RFC 9396 §2)");
        }
    }

    /** A detail with only its {@code type}. */
    public static AuthorizationDetail ofType(String type) {
        return new AuthorizationDetail(JsonP.createObjectBuilder().add("type", type).build());
    }

    /** What makes {@code o} no authorization detail, or {@code null} when it is one. */
    static String problem(JsonObject o) {
        // RFC 9396 §2: type is REQUIRED, a string
        if (!(o.get("type") instanceof JsonString type) || type.getString().isEmpty()) {
            return "type is REQUIRED and must be a non-empty string";
        }
        for (String name : STRING_ARRAYS) {
            JsonValue v = o.get(name);
            if (v != null && !isStringArray(v)) {
                return name + " must be an array of strings";
            }
        }
        JsonValue id = o.get("identifier");
        if (id != null && !(id instanceof JsonString)) {
            return "identifier must be a string";
        }
        return null;
    }

    private static boolean isStringArray(JsonValue v) {
        return v instanceof JsonArray a && a.stream().allMatch(JsonString.class::isInstance);
    }

    /** {@code type}. */
    public String type() {
        return json.getString("type");
    }

    /** {@code locations}: where the resource is, typically URIs; empty when absent. */
    public List<String> locations() {
        return strings("locations");
    }

    /** {@code actions}: the kinds of action asked for; empty when absent. */
    public List<String> actions() {
        return strings("actions");
    }

    /** {@code datatypes}: the kinds of data asked for; empty when absent. */
    public List<String> datatypes() {
        return strings("datatypes");
    }

    /** {@code identifier}: a specific resource at the API. */
    public Optional<String> identifier() {
        return json.get("identifier") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    /** {@code privileges}: the privilege types asked for; empty when absent. */
    public List<String> privileges() {
        return strings("privileges");
    }

    private List<String> strings(String name) {
        return json.get(name) instanceof JsonArray a ? a.getValuesAs(JsonString::getString) : List.of();
    }

    /** The JSON text. */
    @Override
    public String toString() {
        return json.toString();
    }
}
