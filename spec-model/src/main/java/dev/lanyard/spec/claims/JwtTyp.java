package dev.lanyard.spec.claims;

/**
 * Comparison of JWT {@code typ} header values (RFC 7515 §4.1.9): media types, compared case-insensitively, where the
 * {@code application/} prefix may be omitted. ASCII only: no Unicode case folding, so {@code "appl\u0131cation/..."}
 * (dotless i) matches nothing.
 */
final class JwtTyp {

    private static final String APPLICATION = "application/";

    private JwtTyp() {
    }

    /** Whether {@code typ} names the media type {@code application/<expected>}. */
    static boolean matches(String typ, String expected) {
        if (typ == null) {
            return false;
        }
        if (typ.length() == APPLICATION.length() + expected.length()
                && asciiEqualsIgnoreCase(typ.substring(0, APPLICATION.length()), APPLICATION)) {
            return asciiEqualsIgnoreCase(typ.substring(APPLICATION.length()), expected);
        }
        return asciiEqualsIgnoreCase(typ, expected);
    }

    private static boolean asciiEqualsIgnoreCase(String a, String b) {
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

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
