package dev.lanyard.spec.token;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * A token request (the grant part of it): one record per grant type.
 *
 * <pre>
 * POST /token HTTP/1.1
 * Content-Type: application/x-www-form-urlencoded
 *
 * grant_type=authorization_code&amp;code=SplxlOBeZQQYbYS6WxSbIA&amp;code_verifier=…&amp;resource=…
 * </pre>
 *
 * <p>Client authentication parameters ({@code client_secret}, {@code client_assertion},
 * {@code client_assertion_type}) are not part of any grant: read them with {@link ClientCredentialsInRequest}.
 * {@code client_id} is a component only of {@link AuthorizationCodeGrant}, the grant that defines it.
 *
 * <p>Specifications: RFC 6749 §4.1.3, §4.4.2, §4.5, §6; RFC 7636 §4.5; RFC 8707 §2.2; RFC 8693 §2.1; RFC 7523 §2.1;
 * {@value Specs#OAUTH21} §3.2.2, §4.1.3; {@value Specs#ID_JAG} §4.3, §4.4.
 */
public sealed interface TokenRequest permits AuthorizationCodeGrant, RefreshTokenGrant, ClientCredentialsGrant,
        TokenExchangeGrant, JwtBearerGrant, ExtensionGrant {

    /** The longest {@code grant_type} accepted. */
    int MAX_GRANT_TYPE_LENGTH = 512;
    /** The longest {@code code} accepted (INP-03). */
    int MAX_CODE_LENGTH = 512;
    /** The longest {@code refresh_token} accepted (INP-03). */
    int MAX_REFRESH_TOKEN_LENGTH = 2048;
    /** The longest {@code assertion}, {@code subject_token} or {@code actor_token} accepted (INP-03). */
    int MAX_ASSERTION_LENGTH = 8192;

    /** The {@code grant_type} of this request. */
    GrantType grantType();

    /** The request's parameters, {@code grant_type} first; {@code parse(toForm())} equals this request. */
    FormParameters toForm();

    /**
     * Reads a token request, dispatching on {@code grant_type}.
     *
     * <ul>
     *   <li>{@code grant_type} missing: {@code invalid_request} (OAuth 2.1 §3.2.2).</li>
     *   <li>{@code authorization_code}, {@code refresh_token}, {@code client_credentials}, token exchange and JWT
     *       bearer (exact, case-sensitive values): the record of that grant.</li>
     *   <li>any other absolute URI: an {@link ExtensionGrant}; the endpoint decides whether it supports it
     *       (RFC 6749 §4.5).</li>
     *   <li>anything else ({@code password}, {@code implicit}, {@code Authorization_Code}, …):
     *       {@code unsupported_grant_type}.</li>
     * </ul>
     *
     * @throws OAuthException with the error to return; the description names the parameter, never its value
     */
    static TokenRequest parse(FormParameters parameters) {
        String type = parameters.get("grant_type", MAX_GRANT_TYPE_LENGTH).orElseThrow(
                () -> OAuthException.invalidRequest("Missing parameter grant_type", Specs.OAUTH21_TOKEN_REQUEST));
        if (type.equals(GrantType.AUTHORIZATION_CODE.value())) {
            return AuthorizationCodeGrant.parse(parameters);
        }
        if (type.equals(GrantType.REFRESH_TOKEN.value())) {
            return RefreshTokenGrant.parse(parameters);
        }
        if (type.equals(GrantType.CLIENT_CREDENTIALS.value())) {
            return ClientCredentialsGrant.parse(parameters);
        }
        if (type.equals(GrantType.TOKEN_EXCHANGE.value())) {
            return TokenExchangeGrant.parse(parameters);
        }
        if (type.equals(GrantType.JWT_BEARER.value())) {
            return JwtBearerGrant.parse(parameters);
        }
        if (ExtensionGrant.isExtensionGrantType(type)) {
            return ExtensionGrant.parse(new GrantType(type), parameters);
        }
        // RFC 6749 §5.2 / OAuth 2.1 §3.2.4: the grant type is not supported (password and implicit are gone)
        throw OAuthException.of(OAuthError.UNSUPPORTED_GRANT_TYPE, "Unsupported grant_type",
                Specs.RFC6749_ERROR_RESPONSE);
    }
}
