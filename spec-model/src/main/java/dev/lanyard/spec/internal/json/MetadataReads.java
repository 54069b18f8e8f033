package dev.lanyard.spec.internal.json;

import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * Typed reads of the member shapes metadata documents share (URIs under a {@link UriRule}, algorithm lists, scope
 * lists, signed metadata), collecting violations instead of throwing. Internal: not exported.
 */
public final class MetadataReads {

    private MetadataReads() {
    }

    /** An OPTIONAL string member that must follow {@code uriRule}. */
    public static Optional<URI> uri(JsonObject o, String name, UriRule uriRule, Violations.Collector v, SpecRef rule) {
        return JsonReads.string(o, name, v, rule).flatMap(s -> checked(s, "/" + name, uriRule, v, rule))
                .map(URI::create);
    }

    /** A REQUIRED string member that must follow {@code uriRule}; {@code null} (with a violation) otherwise. */
    public static String requiredUri(JsonObject o, String name, UriRule uriRule, Violations.Collector v, SpecRef rule) {
        String s = JsonReads.requiredString(o, name, v, rule);
        return s == null ? null : checked(s, "/" + name, uriRule, v, rule).orElse(null);
    }

    /** An OPTIONAL array of strings, each following {@code uriRule}, kept as the exact strings. */
    public static List<String> uriStrings(JsonObject o, String name, UriRule uriRule, Violations.Collector v,
            SpecRef rule) {
        List<String> strings = JsonReads.stringList(o, name, v, rule);
        List<String> out = new ArrayList<>(strings.size());
        for (int i = 0; i < strings.size(); i++) {
            checked(strings.get(i), "/" + name + "/" + i, uriRule, v, rule).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** An OPTIONAL array of strings, each following {@code uriRule}. */
    public static List<URI> uris(JsonObject o, String name, UriRule uriRule, Violations.Collector v, SpecRef rule) {
        return uriStrings(o, name, uriRule, v, rule).stream().map(URI::create).toList();
    }

    /** An OPTIONAL array of non-empty strings (registry values: grant types, methods, token types). */
    public static List<String> tokens(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        List<String> strings = JsonReads.stringList(o, name, v, rule);
        List<String> out = new ArrayList<>(strings.size());
        for (int i = 0; i < strings.size(); i++) {
            if (strings.get(i).isEmpty()) {
                v.add("/" + name + "/" + i, "must not be empty", rule);
            } else {
                out.add(strings.get(i));
            }
        }
        return List.copyOf(out);
    }

    /** An OPTIONAL array of JWS {@code alg} values in which {@code none} MUST NOT appear. */
    public static List<String> algorithms(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        List<String> algs = tokens(o, name, v, rule);
        for (int i = 0; i < algs.size(); i++) {
            if (isNone(algs.get(i))) {
                v.add("/" + name + "/" + i, "must not contain the value \"none\"", rule);
                return List.of();
            }
        }
        return algs;
    }

    /** An OPTIONAL array of scope tokens (RFC 6749 §3.3). */
    public static List<String> scopeTokens(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        List<String> strings = JsonReads.stringList(o, name, v, rule);
        List<String> out = new ArrayList<>(strings.size());
        for (int i = 0; i < strings.size(); i++) {
            if (Scope.isScopeToken(strings.get(i))) {
                out.add(strings.get(i));
            } else {
                v.add("/" + name + "/" + i, "must be a scope-token", Specs.RFC6749_SCOPE);
            }
        }
        return List.copyOf(out);
    }

    /** An OPTIONAL {@code signed_metadata} (or software statement): a JWT in JWS Compact Serialization. */
    public static Optional<String> compactJws(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        Optional<String> s = JsonReads.string(o, name, v, rule);
        if (s.isPresent() && !isCompactJws(s.get())) {
            v.add("/" + name, "must be a signed JWT in JWS Compact Serialization", rule);
            return Optional.empty();
        }
        return s;
    }

    /** Whether {@code alg} is the unsecured {@code none} algorithm (compared ignoring case, to be safe). */
    public static boolean isNone(String alg) {
        return "none".equalsIgnoreCase(alg);
    }

    /** Whether {@code s} has the shape of a signed or MACed JWS: three non-empty base64url parts. */
    public static boolean isCompactJws(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                boolean b64url = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
                        || c == '_';
                if (!b64url) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Optional<String> checked(String s, String pointer, UriRule uriRule, Violations.Collector v,
            SpecRef rule) {
        String problem = uriRule.problem(s);
        if (problem != null) {
            v.add(pointer, problem, rule);
            return Optional.empty();
        }
        return Optional.of(s);
    }
}
