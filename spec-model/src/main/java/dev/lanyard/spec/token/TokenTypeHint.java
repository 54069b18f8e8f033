package dev.lanyard.spec.token;

import java.util.Objects;

/**
 * A {@code token_type_hint} value (RFC 7009 §2.1, RFC 7662 §2.1): an open registry ("OAuth Token Type Hints",
 * RFC 7009 §4.1.2), so a record with constants. A server that does not find the token under the hint searches its
 * other token types; it MAY ignore the hint.
 *
 * @param value the value as sent
 */
public record TokenTypeHint(String value) {

    /** RFC 7009 §2.1: an access token. */
    public static final TokenTypeHint ACCESS_TOKEN = new TokenTypeHint("access_token");
    /** RFC 7009 §2.1: a refresh token. */
    public static final TokenTypeHint REFRESH_TOKEN = new TokenTypeHint("refresh_token");

    /** The longest hint accepted. */
    public static final int MAX_LENGTH = 256;

    public TokenTypeHint {
        Objects.requireNonNull(value, "value");
        GrantParameters.checkToken("token_type_hint", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
