package dev.lanyard.spec.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * A scope: an ordered set of scope tokens (RFC 6749 §3.3).
 *
 * <pre>scope = scope-token *( SP scope-token );  scope-token = 1*( %x21 / %x23-5B / %x5D-7E )</pre>
 *
 * @param tokens the distinct scope tokens, in the order given
 */
public record Scope(List<String> tokens) {

    /** The longest scope string accepted from a request (INP-03). */
    public static final int MAX_LENGTH = 2048;

    public Scope {
        tokens = List.copyOf(new LinkedHashSet<>(tokens));
        for (String t : tokens) {
            if (!isScopeToken(t)) {
                throw new IllegalArgumentException("not a scope-token (RFC 6749 §3.3)");
            }
        }
    }

    /** A scope of the given tokens. */
    public static Scope of(String... tokens) {
        return new Scope(List.of(tokens));
    }

    /** A scope of the given tokens. */
    public static Scope of(Collection<String> tokens) {
        return new Scope(new ArrayList<>(tokens));
    }

    /**
     * Parses a space-delimited scope string. Runs of spaces are tolerated; an empty string is the empty scope.
     *
     * @throws OAuthException {@code invalid_scope} when a token is malformed; {@code invalid_request} when the
     *                        string exceeds {@link #MAX_LENGTH}
     */
    public static Scope parse(String value) {
        if (value.length() > MAX_LENGTH) {
            throw OAuthException.invalidRequest("Parameter scope is too long", Specs.RFC6749_SCOPE);
        }
        List<String> tokens = new ArrayList<>();
        for (String t : value.split(" ")) {
            if (t.isEmpty()) {
                continue;
            }
            if (!isScopeToken(t)) {
                // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
                throw OAuthException.of(OAuthError.INVALID_SCOPE, "Malformed scope", Specs.RFC6749_SCOPE);
            }
            tokens.add(t);
        }
        return new Scope(tokens);
    }

    /** Parses an optional scope string; an absent or empty one is empty. */
    public static Optional<Scope> parseOptional(Optional<String> value) {
        return value.map(Scope::parse).filter(s -> !s.isEmpty());
    }

    /** Whether {@code token} is a scope-token of RFC 6749 §3.3. */
    public static boolean isScopeToken(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Whether this scope has no token. */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** Whether every token of {@code other} is in this scope. */
    public boolean containsAll(Scope other) {
        return tokens.containsAll(other.tokens());
    }

    /** Whether {@code token} is in this scope. */
    public boolean contains(String token) {
        return tokens.contains(token);
    }

    /** The tokens of this scope that are also in {@code other}, in this scope's order. */
    public Scope intersect(Scope other) {
        return new Scope(tokens.stream().filter(other.tokens()::contains).toList());
    }

    /** The space-delimited form. */
    @Override
    public String toString() {
        return String.join(" ", tokens);
    }
}
