package dev.lanyard.spec.bearer;

/**
 * Character classes of HTTP (RFC 9110 §5.6) and of the Bearer scheme (RFC 6750 §2.1, §3), shared by the parsers and
 * the renderer of this package.
 */
final class HttpSyntax {

    private HttpSyntax() {
    }

    /** {@code tchar} of RFC 9110 §5.6.2. */
    static boolean isTchar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** Whether {@code s} is a {@code token} of RFC 9110 §5.6.2 (one or more {@code tchar}). */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The characters of {@code token68} before its padding (RFC 9110 §11.2, RFC 6750 §2.1). */
    static boolean isToken68Char(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~+/".indexOf(c) >= 0;
    }

    /** Whether {@code s} is a {@code token68}: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isToken68(String s) {
        int i = 0;
        while (i < s.length() && isToken68Char(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        return i == s.length();
    }

    /**
     * Whether {@code c} may appear, unescaped or after a backslash, in a {@code quoted-string} (RFC 9110 §5.6.4):
     * HTAB, SP, VCHAR and {@code obs-text}. Excludes every other control character, CR and LF above all.
     */
    static boolean isQuotable(char c) {
        return c == '\t' || c >= 0x20 && c <= 0x7E || c >= 0x80 && c <= 0xFF;
    }

    /** Whether every character of {@code s} {@linkplain #isQuotable(char) is quotable}. */
    static boolean isQuotable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isQuotable(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether every character is in {@code %x21 / %x23-5B / %x5D-7E} (RFC 6750 §3, {@code error_uri}). */
    static boolean isUriText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive comparison of ASCII text, without the Unicode case folding of {@code equalsIgnoreCase}. */
    static boolean asciiEqualsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII lower case of a token (tokens are ASCII by definition). */
    static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(lower(s.charAt(i)));
        }
        return b.toString();
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** {@code "value"} with {@code "} and {@code \} escaped as quoted-pairs (RFC 9110 §5.6.4). */
    static void appendQuoted(StringBuilder b, String value) {
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        b.append('"');
    }
}
