package dev.lanyard.spec.token;

/**
 * The {@code code_verifier} syntax of RFC 7636 §4.1: {@code code-verifier = 43*128unreserved}, with
 * {@code unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"}.
 *
 * <p>A stand-in until the authorization package's code verifier type is available; it only checks syntax.
 */
final class VerifierSyntax {

    /** The shortest verifier allowed. */
    static final int MIN_LENGTH = 43;
    /** The longest verifier allowed. */
    static final int MAX_LENGTH = 128;

    private VerifierSyntax() {
    }

    /** Whether {@code value} is a syntactically valid code verifier. */
    static boolean isValid(String value) {
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unreserved = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }
}
