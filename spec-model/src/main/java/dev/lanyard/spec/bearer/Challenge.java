package dev.lanyard.spec.bearer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.error.OAuthException;

/**
 * One challenge of a {@code WWW-Authenticate} field value, of any scheme (RFC 9110 §11.3, §11.6.1).
 *
 * <pre>challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]</pre>
 *
 * <p>Parameter names are case-insensitive (RFC 9110 §11.2), so {@link #params()} holds them in ASCII lower case;
 * values are unescaped, and whether a value was sent as a {@code token} or a {@code quoted-string} is not kept.
 *
 * @param scheme  the {@code auth-scheme}, as sent; compare it with {@link #isScheme(String)}
 * @param token68 the {@code token68}, when the challenge carries one instead of parameters
 * @param params  the {@code auth-param}s in the order sent, names in lower case; empty with a {@code token68}
 */
public record Challenge(String scheme, Optional<String> token68, Map<String, String> params) {

    /** The longest field value {@link #parseAll(String)} reads, in characters. */
    public static final int MAX_HEADER_LENGTH = 16 * 1024;

    public Challenge {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(token68, "token68");
        Objects.requireNonNull(params, "params");
        if (!HttpSyntax.isToken(scheme)) {
            throw new IllegalArgumentException("an auth-scheme is a token (RFC 9110 §11.1)");
        }
        if (token68.isPresent() && !HttpSyntax.isToken68(token68.get())) {
            throw new IllegalArgumentException("not a token68 (RFC 9110 §11.2)");
        }
        if (token68.isPresent() && !params.isEmpty()) {
            throw new IllegalArgumentException("a token68 or auth-params, not both (RFC 9110 §11.3)");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (!HttpSyntax.isToken(name) || !name.equals(HttpSyntax.asciiLower(name))) {
                throw new IllegalArgumentException("an auth-param name is a lower-case token (RFC 9110 §11.2)");
            }
            if (!HttpSyntax.isQuotable(value)) {
                throw new IllegalArgumentException("an auth-param value holds no control character (RFC 9110 §5.6.4)");
            }
            copy.put(name, value);
        });
        params = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses a whole {@code WWW-Authenticate} (or {@code Proxy-Authenticate}) field value into its challenges.
     *
     * <p>Lenient where RFC 9110 asks recipients to be: scheme and parameter names in any case, {@code BWS} around
     * {@code =}, values as {@code token} or {@code quoted-string}, empty list elements. An empty value has no
     * challenge. When a response has several {@code WWW-Authenticate} lines, join them with {@code ", "} first
     * (RFC 9110 §5.3).
     *
     * @throws OAuthException {@code invalid_request} when the value does not follow the grammar, repeats a parameter
     *                        within one challenge (RFC 9110 §11.2, RFC 6750 §3), or is longer than
     *                        {@link #MAX_HEADER_LENGTH} characters
     */
    public static List<Challenge> parseAll(String headerValue) {
        return ChallengeParser.parseAll(headerValue);
    }

    /** Whether this challenge is of {@code scheme}, compared case-insensitively (RFC 9110 §11.1). */
    public boolean isScheme(String name) {
        return HttpSyntax.asciiEqualsIgnoreCase(scheme, name);
    }

    /** The value of a parameter, its name compared case-insensitively. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(HttpSyntax.asciiLower(name)));
    }
}
