package dev.lanyard.spec.authz;

import java.util.Objects;

import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * A {@code code_challenge_method} value: an open registry (RFC 7636 §6.2), so a record with constants, not an enum.
 *
 * <p>Lanyard supports {@link #S256} only. {@value Specs#OAUTH21} §4.1.1 makes {@code code_challenge_method} REQUIRED
 * and §7.5.2 forbids {@code plain}; {@link #PLAIN} is named so that metadata of other servers reads well.
 *
 * <p>Specifications: RFC 7636 §4.3, §6.2.2; {@value Specs#OAUTH21} §4.1.1, §4.1.2.1.
 *
 * @param value the method name, case-sensitive
 */
public record CodeChallengeMethod(String value) {

    /** {@code S256}: the challenge is the base64url SHA-256 of the verifier (RFC 7636 §4.2). */
    public static final CodeChallengeMethod S256 = new CodeChallengeMethod("S256");
    /** {@code plain}: the challenge is the verifier (RFC 7636 §4.2). Refused by Lanyard. */
    public static final CodeChallengeMethod PLAIN = new CodeChallengeMethod("plain");

    public CodeChallengeMethod {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty code_challenge_method");
        }
    }

    /**
     * Reads the {@code code_challenge_method} of an authorization request: only a supported method is accepted, by
     * exact, case-sensitive comparison.
     *
     * @throws OAuthException {@code invalid_request} naming {@code code_challenge_method} when the transform is not
     *                        supported ({@code plain}, {@code s256}, {@code S512}, ...)
     */
    public static CodeChallengeMethod parse(String value) {
        if (!S256.value().equals(value)) {
            // OAuth 2.1 §4.1.2.1: unsupported transform -> invalid_request, saying the transform is not supported
            throw OAuthException.invalidRequest(
                    "Parameter code_challenge_method: transform algorithm not supported, use S256",
                    Specs.OAUTH21_AUTHORIZATION_ERROR);
        }
        return S256;
    }

    /** Whether Lanyard supports this method: only {@link #S256}. */
    public boolean isSupported() {
        return equals(S256);
    }

    @Override
    public String toString() {
        return value;
    }
}
