package dev.lanyard.spec.token;

import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.ref.Specs;

/**
 * A token introspection request (RFC 7662 §2.1). The caller's authorization (client authentication or a bearer
 * token) is read separately.
 *
 * <pre>
 * POST /introspect HTTP/1.1
 * Content-Type: application/x-www-form-urlencoded
 *
 * token=mF_9.B5f-4.1JqM&amp;token_type_hint=access_token
 * </pre>
 *
 * @param token         {@code token}, REQUIRED: the token to introspect; at most {@link #MAX_TOKEN_LENGTH}
 *                      characters
 * @param tokenTypeHint {@code token_type_hint}, OPTIONAL
 */
public record IntrospectionRequest(String token, Optional<TokenTypeHint> tokenTypeHint) {

    /** The longest {@code token} accepted (INP-03). */
    public static final int MAX_TOKEN_LENGTH = TokenRequest.MAX_ASSERTION_LENGTH;

    public IntrospectionRequest {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tokenTypeHint, "tokenTypeHint");
        GrantParameters.checkToken("token", token, MAX_TOKEN_LENGTH);
    }

    /**
     * Reads an introspection request.
     *
     * @throws dev.lanyard.spec.error.OAuthException {@code invalid_request} naming the parameter when {@code token} is
     *                                               missing, or a parameter is repeated or too long
     */
    public static IntrospectionRequest parse(FormParameters p) {
        String token = GrantParameters.require(p, "token", MAX_TOKEN_LENGTH, Specs.RFC7662_REQUEST);
        Optional<TokenTypeHint> hint = p.get("token_type_hint", TokenTypeHint.MAX_LENGTH).map(TokenTypeHint::new);
        return new IntrospectionRequest(token, hint);
    }

    /** The parameters; {@code parse(toForm())} equals this. */
    public FormParameters toForm() {
        return FormParameters.builder().add("token", token).add("token_type_hint", tokenTypeHint).build();
    }

    /** The token is not shown. */
    @Override
    public String toString() {
        return "IntrospectionRequest[tokenTypeHint=" + tokenTypeHint + "]";
    }
}
