package dev.lanyard.spec.internal.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;
import dev.lanyard.spec.token.IntrospectionResponse;

/** JSON codec of {@link IntrospectionResponse} (RFC 7662 §2.2). Internal. */
public final class IntrospectionResponseCodec {

    /** The members with their own component. */
    public static final Set<String> MEMBERS = Set.of("active", "scope", "client_id", "username", "token_type", "exp",
            "iat", "nbf", "sub", "aud", "iss", "jti");

    private static final SpecRef RULE = Specs.RFC7662_RESPONSE;

    private IntrospectionResponseCodec() {
    }

    /** Reads a response body, collecting every violation. */
    public static Parsed<IntrospectionResponse> parse(JsonObject o) {
        Violations.Collector v = Violations.collector();
        Optional<Boolean> active = JsonReads.bool(o, "active", v, RULE);
        if (!o.containsKey("active")) {
            // RFC 7662 §2.2: active REQUIRED
            v.add("/active", "is REQUIRED", RULE);
        }
        Optional<Scope> scope = AccessTokenResponseCodec.scope(o, v, RULE);
        Optional<String> clientId = JsonReads.string(o, "client_id", v, RULE);
        Optional<String> username = JsonReads.string(o, "username", v, RULE);
        Optional<String> tokenType = JsonReads.string(o, "token_type", v, RULE);
        Optional<Instant> exp = time(o, "exp", v);
        Optional<Instant> iat = time(o, "iat", v);
        Optional<Instant> nbf = time(o, "nbf", v);
        Optional<String> sub = JsonReads.string(o, "sub", v, RULE);
        List<String> aud = JsonReads.stringOrList(o, "aud", v, RULE);
        Optional<String> iss = JsonReads.string(o, "iss", v, RULE);
        Optional<String> jti = JsonReads.string(o, "jti", v, RULE);
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new IntrospectionResponse(active.orElseThrow(), scope, clientId, username, tokenType, exp, iat,
                nbf, sub, aud, iss, jti, JsonReads.extensions(o, MEMBERS)));
    }

    // RFC 7662 §2.2: exp, iat, nbf are integer timestamps, in seconds since 1970-01-01T00:00:00Z
    private static Optional<Instant> time(JsonObject o, String name, Violations.Collector v) {
        return JsonReads.integer(o, name, v, RULE).flatMap(seconds -> {
            try {
                return Optional.of(Instant.ofEpochSecond(seconds));
            } catch (DateTimeException e) {
                v.add("/" + name, "is out of range", RULE);
                return Optional.empty();
            }
        });
    }

    /** Why these components do not make a valid response, or {@code null}. */
    public static String problem(Optional<Scope> scope, List<Optional<Instant>> times,
            Map<String, JsonValue> extensions) {
        if (scope.isPresent() && scope.get().isEmpty()) {
            return "an empty scope is absent: use Optional.empty()";
        }
        if (times.stream().flatMap(Optional::stream).anyMatch(t -> t.getNano() != 0)) {
            return "exp, iat and nbf are whole seconds (RFC 7662 §2.2)";
        }
        if (extensions.values().stream().anyMatch(Objects::isNull)) {
            return "extension values must not be null (use JsonValue.NULL)";
        }
        if (extensions.keySet().stream().anyMatch(MEMBERS::contains)) {
            return "extensions must not hold the response's own members";
        }
        return null;
    }

    /** The JSON body; absent members are omitted, a single audience is a string. */
    public static JsonObject toJson(IntrospectionResponse r) {
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("active", r.active());
        JsonWrites.put(b, "scope", r.scope());
        JsonWrites.put(b, "client_id", r.clientId());
        JsonWrites.put(b, "username", r.username());
        JsonWrites.put(b, "token_type", r.tokenType());
        JsonWrites.put(b, "exp", r.exp().map(Instant::getEpochSecond));
        JsonWrites.put(b, "iat", r.iat().map(Instant::getEpochSecond));
        JsonWrites.put(b, "nbf", r.nbf().map(Instant::getEpochSecond));
        JsonWrites.put(b, "sub", r.sub());
        if (r.aud().size() == 1) {
            b.add("aud", r.aud().get(0));
        } else {
            JsonWrites.putList(b, "aud", r.aud());
        }
        JsonWrites.put(b, "iss", r.iss());
        JsonWrites.put(b, "jti", r.jti());
        JsonWrites.putAll(b, r.extensions());
        return b.build();
    }
}
