package dev.lanyard.spec.core;

import java.util.Objects;

/**
 * A token type identifier of RFC 8693 §3 (an open registry).
 *
 * @param value the URI as sent
 */
public record TokenTypeUri(String value) {

    /** RFC 8693 §3. */
    public static final TokenTypeUri ACCESS_TOKEN = new TokenTypeUri("urn:ietf:params:oauth:token-type:access_token");
    /** RFC 8693 §3. */
    public static final TokenTypeUri REFRESH_TOKEN = new TokenTypeUri("urn:ietf:params:oauth:token-type:refresh_token");
    /** RFC 8693 §3. */
    public static final TokenTypeUri ID_TOKEN = new TokenTypeUri("urn:ietf:params:oauth:token-type:id_token");
    /** RFC 8693 §3. */
    public static final TokenTypeUri SAML1 = new TokenTypeUri("urn:ietf:params:oauth:token-type:saml1");
    /** RFC 8693 §3. */
    public static final TokenTypeUri SAML2 = new TokenTypeUri("urn:ietf:params:oauth:token-type:saml2");
    /** RFC 7519 §9 / RFC 8693 §3. */
    public static final TokenTypeUri JWT = new TokenTypeUri("urn:ietf:params:oauth:token-type:jwt");
    /** draft-ietf-oauth-identity-assertion-authz-grant-03 §3: Identity Assertion JWT Authorization Grant. */
    public static final TokenTypeUri ID_JAG = new TokenTypeUri("urn:ietf:params:oauth:token-type:id-jag");

    public TokenTypeUri {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty token type");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
