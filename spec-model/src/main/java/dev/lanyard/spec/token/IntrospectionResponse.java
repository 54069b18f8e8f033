package dev.lanyard.spec.token;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.internal.json.IntrospectionResponseCodec;

/**
 * A token introspection response (RFC 7662 §2.2). Unknown members are kept in {@link #extensions()} and written back.
 *
 * <p>For an inactive, expired, revoked or unknown token the server answers {@link #inactive()}, exactly
 * {@code {"active":false}}, and SHOULD NOT say more (RFC 7662 §2.2). {@code aud} is written as a string when it has one
 * value and as an array otherwise (RFC 7519 §4.1.3 allows both). Absent members and an empty {@code aud} are omitted.
 *
 * @param active     {@code active}, REQUIRED: whether the token is currently active
 * @param scope      {@code scope}, OPTIONAL; never an empty scope
 * @param clientId   {@code client_id}, OPTIONAL: the client the token was issued to
 * @param username   {@code username}, OPTIONAL: human-readable identifier of the resource owner
 * @param tokenType  {@code token_type}, OPTIONAL (RFC 6749 §7.1)
 * @param exp        {@code exp}, OPTIONAL: integer timestamp in seconds
 * @param iat        {@code iat}, OPTIONAL: integer timestamp in seconds
 * @param nbf        {@code nbf}, OPTIONAL: integer timestamp in seconds
 * @param sub        {@code sub}, OPTIONAL
 * @param aud        {@code aud}, OPTIONAL: string or array of strings; empty if absent
 * @param iss        {@code iss}, OPTIONAL
 * @param jti        {@code jti}, OPTIONAL
 * @param extensions other members, in document order; names never collide with the members above
 */
public record IntrospectionResponse(boolean active, Optional<Scope> scope, Optional<String> clientId,
        Optional<String> username, Optional<String> tokenType, Optional<Instant> exp, Optional<Instant> iat,
        Optional<Instant> nbf, Optional<String> sub, List<String> aud, Optional<String> iss, Optional<String> jti,
        Map<String, JsonValue> extensions) {

    private static final IntrospectionResponse INACTIVE = new IntrospectionResponse(false, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Map.of());

    public IntrospectionResponse {
        for (Optional<?> o : List.of(scope, clientId, username, tokenType, exp, iat, nbf, sub, iss, jti)) {
            Objects.requireNonNull(o, "optional members are Optional.empty(), not null");
        }
        aud = List.copyOf(aud);
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        String problem = IntrospectionResponseCodec.problem(scope, List.of(exp, iat, nbf), extensions);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The response for a token that is not active: exactly {@code {"active":false}} (RFC 7662 §2.2). */
    public static IntrospectionResponse inactive() {
        return INACTIVE;
    }

    /**
     * Reads an introspection response body.
     *
     * @return the response, or every violation found; never throws on bad input
     */
    public static Parsed<IntrospectionResponse> parse(JsonObject body) {
        return IntrospectionResponseCodec.parse(body);
    }

    /** Reads an introspection response from JSON text, strictly ({@link StrictJson}). */
    public static Parsed<IntrospectionResponse> parse(String body) {
        return StrictJson.parseObject(body).flatMap(IntrospectionResponse::parse);
    }

    /** The JSON body. */
    public JsonObject toJson() {
        return IntrospectionResponseCodec.toJson(this);
    }
}
