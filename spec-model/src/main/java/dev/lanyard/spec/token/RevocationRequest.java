package dev.lanyard.spec.token;

import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.ref.Specs;

/**
 * A token revocation request (RFC 7009 §2.1). Client authentication parameters are read separately, with
 * {@link ClientCredentialsInRequest}.
 *
 * <pre>
 * POST /revoke HTTP/1.1
 * Content-Type: application/x-www-form-urlencoded
 *
 * token=45ghiukldjahdnhzdauz&amp;token_type_hint=refresh_token
 * </pre>
 *
 * @param token         {@code token}, REQUIRED: the token to revoke; at most {@link #MAX_TOKEN_LENGTH} characters
 * @param tokenTypeHint {@code token_type_hint}, OPTIONAL
 */
public record RevocationRequest(String token, Optional<TokenTypeHint> tokenTypeHint) {

    /** The longest {@code token} accepted (INP-03). */
    public static final int MAX_TOKEN_LENGTH = TokenRequest.MAX_ASSERTION_LENGTH;

    public RevocationRequest {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tokenTypeHint, "tokenTypeHint");
        GrantParameters.checkToken("token", token, MAX_TOKEN_LENGTH);
    }

    /**
     * Reads a revocation request.
     *
     * @throws dev.lanyard.spec.error.OAuthException {@code invalid_request} naming the parameter when {@code token} is
     *                                               missing, or a parameter is repeated or too long
     */
    public static RevocationRequest parse(FormParameters p) {
        String token = GrantParameters.require(p, "token", MAX_TOKEN_LENGTH, Specs.RFC7009_REQUEST);
        Optional<TokenTypeHint> hint = p.get("token_type_hint", TokenTypeHint.MAX_LENGTH).map(TokenTypeHint::new);
        return new RevocationRequest(token, hint);
    }

    /** The parameters; {@code parse(toForm())} equals this. */
    public FormParameters toForm() {
        return FormParameters.builder().add("token", token).add("token_type_hint", tokenTypeHint).build();
    }

    /** The token is not shown. */
    @Override
    public String toString() {
        return "RevocationRequest[tokenTypeHint=" + tokenTypeHint + "]";
    }
}
