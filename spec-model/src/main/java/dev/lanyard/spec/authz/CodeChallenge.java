package dev.lanyard.spec.authz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * A PKCE code challenge (RFC 7636 §4.2), sent in the authorization request and bound to the code.
 *
 * <pre>code-challenge = 43*128unreserved;  S256: code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))</pre>
 *
 * <p>Lanyard supports the {@link CodeChallengeMethod#S256 S256} method only ({@value Specs#OAUTH21} §7.5.2 forbids
 * {@code plain}), so {@link #matches(CodeVerifier)} applies S256.
 *
 * <p>Specifications: RFC 7636 §4.2, §4.6, Appendix B; {@value Specs#OAUTH21} §4.1.1, §4.1.3.
 *
 * @param value the challenge, 43 to 128 unreserved characters
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636.html#section-4.2">RFC 7636 §4.2</a>
 */
public record CodeChallenge(String value) {

    public CodeChallenge {
        Objects.requireNonNull(value, "value");
        if (!CodeVerifier.isUnreserved43To128(value)) {
            throw new IllegalArgumentException("a code_challenge is 43 to 128 unreserved characters (RFC 7636 §4.2)");
        }
    }

    /**
     * Reads a {@code code_challenge} parameter.
     *
     * @throws OAuthException {@code invalid_request} naming {@code code_challenge} when it breaks RFC 7636 §4.2
     */
    public static CodeChallenge parse(String value) {
        if (!CodeVerifier.isUnreserved43To128(value)) {
            // RFC 7636 §4.2, OAuth 2.1 Appendix A: code-challenge = 43*128unreserved
            throw OAuthException.invalidRequest(
                    "Parameter code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~",
                    Specs.RFC7636_CHALLENGE);
        }
        return new CodeChallenge(value);
    }

    /** The S256 challenge of {@code verifier}: {@code BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))}. */
    public static CodeChallenge s256(CodeVerifier verifier) {
        return new CodeChallenge(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier.value())));
    }

    /**
     * Whether {@code verifier} is the verifier of this challenge under S256 (RFC 7636 §4.6), compared in constant
     * time.
     */
    public boolean matches(CodeVerifier verifier) {
        byte[] expected = value.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = s256(verifier).value().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] sha256(String ascii) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ascii.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform implements SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
