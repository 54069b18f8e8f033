package dev.lanyard.spec.core;

import java.util.Objects;

/**
 * A {@code grant_type} value: an open registry (RFC 6749 §4.5, extension grants are absolute URIs).
 *
 * @param value the value as sent
 */
public record GrantType(String value) {

    /** RFC 6749 §4.1.3. */
    public static final GrantType AUTHORIZATION_CODE = new GrantType("authorization_code");
    /** RFC 6749 §6. */
    public static final GrantType REFRESH_TOKEN = new GrantType("refresh_token");
    /** RFC 6749 §4.4. */
    public static final GrantType CLIENT_CREDENTIALS = new GrantType("client_credentials");
    /** RFC 8693 §2.1. */
    public static final GrantType TOKEN_EXCHANGE = new GrantType("urn:ietf:params:oauth:grant-type:token-exchange");
    /** RFC 7523 §2.1. */
    public static final GrantType JWT_BEARER = new GrantType("urn:ietf:params:oauth:grant-type:jwt-bearer");
    /** RFC 8628 §3.4 (not implemented by Lanyard; named so that metadata from others reads well). */
    public static final GrantType DEVICE_CODE = new GrantType("urn:ietf:params:oauth:grant-type:device_code");

    public GrantType {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty grant_type");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
