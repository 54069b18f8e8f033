package dev.lanyard.spec.authz;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * A PKCE code verifier (RFC 7636 §4.1): a high-entropy secret the client keeps until the token request.
 *
 * <pre>code-verifier = 43*128unreserved;  unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"</pre>
 *
 * <p>{@link #toString()} never shows the value; never log {@link #value()} either (G-09).
 *
 * <p>Specifications: RFC 7636 §4.1, Appendix B; {@value Specs#OAUTH21} §4.1.1.
 *
 * @param value the verifier, 43 to 128 unreserved characters
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636.html#section-4.1">RFC 7636 §4.1</a>
 */
public record CodeVerifier(String value) {

    /** The shortest verifier (RFC 7636 §4.1). */
    public static final int MIN_LENGTH = 43;
    /** The longest verifier (RFC 7636 §4.1). */
    public static final int MAX_LENGTH = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    public CodeVerifier {
        Objects.requireNonNull(value, "value");
        if (!isUnreserved43To128(value)) {
            throw new IllegalArgumentException("a code_verifier is 43 to 128 unreserved characters (RFC 7636 §4.1)");
        }
    }

    /**
     * Reads a {@code code_verifier} parameter.
     *
     * @throws OAuthException {@code invalid_request} naming {@code code_verifier} when it breaks RFC 7636 §4.1
     */
    public static CodeVerifier parse(String value) {
        if (!isUnreserved43To128(value)) {
            // RFC 7636 §4.1: code-verifier = 43*128unreserved
            throw OAuthException.invalidRequest(
                    "Parameter code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~",
                    Specs.RFC7636_VERIFIER);
        }
        return new CodeVerifier(value);
    }

    /**
     * A fresh verifier: 32 octets from {@link SecureRandom}, base64url-encoded without padding (43 characters), as
     * RFC 7636 §4.1 recommends.
     */
    public static CodeVerifier random() {
        byte[] octets = new byte[32];
        RANDOM.nextBytes(octets);
        return new CodeVerifier(Base64.getUrlEncoder().withoutPadding().encodeToString(octets));
    }

    /** The S256 challenge of this verifier (RFC 7636 §4.2). */
    public CodeChallenge challenge() {
        return CodeChallenge.s256(this);
    }

    /** The value is a secret: it is not shown. */
    @Override
    public String toString() {
        return "CodeVerifier[****]";
    }

    /** Whether {@code s} is 43 to 128 characters of {@code ALPHA / DIGIT / "-" / "." / "_" / "~"}. */
    static boolean isUnreserved43To128(String s) {
        if (s.length() < MIN_LENGTH || s.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
