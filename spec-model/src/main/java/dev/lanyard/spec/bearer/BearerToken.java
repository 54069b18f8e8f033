package dev.lanyard.spec.bearer;

import java.util.Optional;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * The request side of the Bearer scheme: {@code Authorization: Bearer <token68>} (RFC 6750 §2.1, {@value Specs#OAUTH21}
 * §5.1.1; RS-01 of the project's checklist).
 *
 * <pre>
 * credentials = "Bearer" 1*SP token68
 * token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 * </pre>
 *
 * <p>How each kind of header is read:
 * <ul>
 *   <li>absent ({@code null}), empty, or of another scheme ({@code Basic ...}): no Bearer credentials, so
 *       {@link Optional#empty()}; the resource server answers 401 without an {@code error} (RFC 6750 §3.1, A-048);</li>
 *   <li>{@code Bearer}, {@code bearer}, {@code BEARER}, ... followed by spaces and a token68: the token (A-052);</li>
 *   <li>a malformed Bearer value ({@code Bearer}, {@code Bearer a b}, {@code Bearer tok"en},
 *       {@code Bearer tok,en}) or a token longer than {@link #MAX_LENGTH}: {@link OAuthException} with
 *       {@code invalid_token} (401; A-048, A-059).
 *       The description never contains the token.</li>
 * </ul>
 */
public final class BearerToken {

    /** The longest token accepted, in characters. */
    public static final int MAX_LENGTH = 16 * 1024;

    private static final String SCHEME = "Bearer";
    private static final SpecRef RFC6750_2_1 = SpecRef.rfc(6750, "2.1");

    private BearerToken() {
    }

    /**
     * The token of an {@code Authorization} request header value.
     *
     * @param headerValue the field value, or {@code null} when the request has no {@code Authorization} header
     * @return the token, or empty when the header carries no Bearer credentials
     * @throws OAuthException {@code invalid_token} when the value is of the Bearer scheme but malformed or too long
     */
    public static Optional<String> fromAuthorizationHeader(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        int start = 0;
        int end = headerValue.length();
        // RFC 9110 §5.5: leading and trailing whitespace is not part of the field value
        while (start < end && isOws(headerValue.charAt(start))) {
            start++;
        }
        while (end > start && isOws(headerValue.charAt(end - 1))) {
            end--;
        }
        int schemeEnd = start;
        int schemeLimit = Math.min(end, start + SCHEME.length() + 1); // enough to tell Bearer from a longer name
        while (schemeEnd < schemeLimit && HttpSyntax.isTchar(headerValue.charAt(schemeEnd))) {
            schemeEnd++;
        }
        String scheme = headerValue.substring(start, schemeEnd);
        if (!HttpSyntax.asciiEqualsIgnoreCase(scheme, SCHEME)) {
            return Optional.empty(); // another scheme, or none: no Bearer credentials
        }
        // RS-01: the scheme name is case-insensitive; at least one SP separates it from the token
        int tokenStart = schemeEnd;
        while (tokenStart < end && headerValue.charAt(tokenStart) == ' ') {
            tokenStart++;
        }
        if (tokenStart == schemeEnd || tokenStart == end) {
            throw malformed("The Authorization header has the Bearer scheme without a space and a token");
        }
        if (end - tokenStart > MAX_LENGTH) {
            throw malformed("The Bearer token in the Authorization header is too long");
        }
        String token = headerValue.substring(tokenStart, end);
        if (!HttpSyntax.isToken68(token)) {
            throw malformed("The Bearer token in the Authorization header is not a token68");
        }
        return Optional.of(token);
    }

    /**
     * The {@code Authorization} header value that presents {@code token}: {@code Bearer <token>}.
     *
     * @throws IllegalArgumentException when the token is not a token68 or is longer than {@link #MAX_LENGTH}
     */
    public static String toAuthorizationHeader(String token) {
        if (!isToken68(token) || token.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a Bearer token is a token68 of at most " + MAX_LENGTH + " characters");
        }
        return SCHEME + " " + token;
    }

    /** Whether {@code value} is a {@code token68} (RFC 9110 §11.2, RFC 6750 §2.1). */
    public static boolean isToken68(String value) {
        return HttpSyntax.isToken68(value);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    private static OAuthException malformed(String description) {
        return OAuthException.of(OAuthError.INVALID_TOKEN, description, RFC6750_2_1);
    }
}
