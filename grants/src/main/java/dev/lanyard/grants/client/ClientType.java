package dev.lanyard.grants.client;

/**
 * Whether a client can keep a credential confidential (OAuth 2.1 §2.1).
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#OAUTH21} §2.1.
 */
public enum ClientType {
    /** A client that cannot authenticate: {@code token_endpoint_auth_method} is {@code none}. */
    PUBLIC,
    /** A client that authenticates at the token endpoint. */
    CONFIDENTIAL
}
