package dev.lanyard.spec.core;

/**
 * VSCHAR, the visible ASCII characters {@code %x20-7E} of which OAuth's identifiers are made (RFC 6749 Appendix A:
 * {@code client_id}, {@code client_secret}, {@code state}, {@code code}, {@code refresh_token}, ...). A value outside it
 * (a NUL, a control character, any non-ASCII character) names nothing an authorization server issued.
 */
public final class Vschar {

    private Vschar() {
    }

    /** Whether every character of {@code value} is VSCHAR; true for the empty string. */
    public static boolean only(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
