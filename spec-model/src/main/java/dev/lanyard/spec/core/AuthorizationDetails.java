package dev.lanyard.spec.core;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.internal.json.JsonP;
import dev.lanyard.spec.ref.SpecRef;

/**
 * The {@code authorization_details} of a request, token, or token response (RFC 9396 §2): a JSON array of
 * {@link AuthorizationDetail}s, in order.
 *
 * <p>As a request parameter it is a JSON string ({@link #parse(String)}), read strictly ({@link StrictJson}) and
 * bounded ({@link #MAX_LENGTH}, {@link #MAX_ENTRIES}); anything malformed is {@code invalid_authorization_details}
 * (RFC 9396 §5). An empty array is the same as no parameter.
 *
 * @param entries the authorization details, in order; duplicates removed
 */
public record AuthorizationDetails(List<AuthorizationDetail> entries) {

    /** The longest {@code authorization_details} parameter accepted, in characters (INP-03). */
    public static final int MAX_LENGTH = 8192;
    /** The most authorization details one parameter may hold. */
    public static final int MAX_ENTRIES = 32;

    private static final SpecRef SYNTAX = SpecRef.rfc(9396, "2");
    private static final SpecRef ERRORS = SpecRef.rfc(9396, "5");

    public AuthorizationDetails {
        entries = List.copyOf(new LinkedHashSet<>(entries));
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " authorization details");
        }
    }

    /** The given authorization details. */
    public static AuthorizationDetails of(AuthorizationDetail... entries) {
        return new AuthorizationDetails(List.of(entries));
    }

    /** The given authorization details. */
    public static AuthorizationDetails of(Collection<AuthorizationDetail> entries) {
        return new AuthorizationDetails(new ArrayList<>(entries));
    }

    /**
     * Parses the {@code authorization_details} parameter: a JSON string holding an array of objects (RFC 9396 §2).
     *
     * @throws OAuthException {@code invalid_authorization_details} when the text is not strict JSON, not an array of
     *                        objects, an object has no string {@code type} or a common field of the wrong type, or
     *                        there are more than {@link #MAX_ENTRIES}; {@code invalid_request} when the text is longer
     *                        than {@link #MAX_LENGTH}
     */
    public static AuthorizationDetails parse(String value) {
        if (value.length() > MAX_LENGTH) {
            throw OAuthException.invalidRequest("Parameter authorization_details is too long", SYNTAX);
        }
        Parsed<JsonArray> array = StrictJson.parseArray(value);
        if (!(array instanceof Parsed.Ok<JsonArray> ok)) {
            // RFC 9396 §2: the parameter is a JSON array; §5: malformed details are invalid_authorization_details
            throw malformed("authorization_details is not a JSON array");
        }
        Parsed<AuthorizationDetails> details = fromJson(ok.value());
        if (!(details instanceof Parsed.Ok<AuthorizationDetails> d)) {
            throw malformed(details.violations().items().get(0).message());
        }
        return d.value();
    }

    /** Parses an optional parameter; absent, empty or {@code []} is absent. */
    public static Optional<AuthorizationDetails> parseOptional(Optional<String> value) {
        return value.map(AuthorizationDetails::parse).filter(d -> !d.isEmpty());
    }

    /**
     * Reads the JSON array of a claim or a response member (RFC 9396 §7, §9.1).
     *
     * @return the details, or the violation that makes the value unusable; never throws on bad input
     */
    public static Parsed<AuthorizationDetails> fromJson(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return invalid("", "authorization_details must be an array of objects");
        }
        if (array.size() > MAX_ENTRIES) {
            return invalid("", "authorization_details holds more than " + MAX_ENTRIES + " entries");
        }
        List<AuthorizationDetail> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject o)) {
                return invalid("/" + i, "an authorization detail is a JSON object");
            }
            String problem = AuthorizationDetail.problem(o);
            if (problem != null) {
                return invalid("/" + i, problem);
            }
            entries.add(new AuthorizationDetail(o));
        }
        return Parsed.ok(new AuthorizationDetails(entries));
    }

    private static <T> Parsed<T> invalid(String pointer, String message) {
        return Parsed.invalid(new Violation(pointer, message, SYNTAX));
    }

    private static OAuthException malformed(String why) {
        return OAuthException.of(OAuthError.INVALID_AUTHORIZATION_DETAILS,
                "Malformed authorization_details: " + OAuthError.sanitize(why), ERRORS);
    }

    /** Whether there is no authorization detail. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The distinct {@code type}s, in order. */
    public Set<String> types() {
        Set<String> types = new LinkedHashSet<>();
        entries.forEach(e -> types.add(e.type()));
        return types;
    }

    /** Whether every entry of {@code other} is one of these, member for member. */
    public boolean containsAll(AuthorizationDetails other) {
        return entries.containsAll(other.entries());
    }

    /** The entries whose {@code type} is in {@code types}, in order. */
    public AuthorizationDetails ofTypes(Collection<String> types) {
        return new AuthorizationDetails(entries.stream().filter(e -> types.contains(e.type())).toList());
    }

    /** The JSON array. */
    public JsonArray toJson() {
        JsonArrayBuilder b = JsonP.createArrayBuilder();
        entries.forEach(e -> b.add(e.json()));
        return b.build();
    }

    /** The JSON text, as sent in a request parameter. */
    @Override
    public String toString() {
        return toJson().toString();
    }
}
