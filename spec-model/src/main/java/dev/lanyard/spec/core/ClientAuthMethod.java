package dev.lanyard.spec.core;

import java.util.Objects;

/**
 * A {@code token_endpoint_auth_method} value (RFC 7591 §2, an open registry).
 *
 * @param value the value as registered
 */
public record ClientAuthMethod(String value) {

    /** A public client: no authentication. */
    public static final ClientAuthMethod NONE = new ClientAuthMethod("none");
    /** HTTP Basic with the client secret (RFC 6749 §2.3.1). */
    public static final ClientAuthMethod CLIENT_SECRET_BASIC = new ClientAuthMethod("client_secret_basic");
    /** The client secret in the request body (RFC 6749 §2.3.1). */
    public static final ClientAuthMethod CLIENT_SECRET_POST = new ClientAuthMethod("client_secret_post");
    /** A JWT signed with the client's private key (RFC 7523 §2.2). */
    public static final ClientAuthMethod PRIVATE_KEY_JWT = new ClientAuthMethod("private_key_jwt");
    /** A JWT MACed with the client secret (RFC 7523 §2.2). */
    public static final ClientAuthMethod CLIENT_SECRET_JWT = new ClientAuthMethod("client_secret_jwt");
    /** Mutual TLS with a PKI certificate (RFC 8705 §2.1). */
    public static final ClientAuthMethod TLS_CLIENT_AUTH = new ClientAuthMethod("tls_client_auth");
    /** Mutual TLS with a self-signed certificate (RFC 8705 §2.2). */
    public static final ClientAuthMethod SELF_SIGNED_TLS_CLIENT_AUTH = new ClientAuthMethod("self_signed_tls_client_auth");

    public ClientAuthMethod {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty token_endpoint_auth_method");
        }
    }

    /** Whether this method relies on a shared secret (forbidden for CIMD clients). */
    public boolean isSymmetric() {
        return equals(CLIENT_SECRET_BASIC) || equals(CLIENT_SECRET_POST) || equals(CLIENT_SECRET_JWT);
    }

    @Override
    public String toString() {
        return value;
    }
}
