package dev.lanyard.spec.token;

import jakarta.json.JsonObject;

import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.ref.Specs;

/**
 * A token endpoint response: success (RFC 6749 §5.1, RFC 8693 §2.2.1) or error (RFC 6749 §5.2). Servers build one and
 * write {@link #toJson()} with {@link #httpStatus()}; clients (for example a token exchange at an IdP) read one with
 * {@link #parse(int, String)}.
 */
public sealed interface TokenResponse permits AccessTokenResponse, TokenErrorResponse {

    /** The HTTP status the response is sent with: 200 for success, the error's status otherwise. */
    int httpStatus();

    /** The JSON body. */
    JsonObject toJson();

    /**
     * Reads a token endpoint response received with {@code httpStatus}: 200 is a success (RFC 6749 §5.1), 4xx and 5xx
     * an error (RFC 6749 §5.2), anything else a violation.
     *
     * @return the response, or every violation found; never throws on bad input
     */
    static Parsed<TokenResponse> parse(int httpStatus, JsonObject body) {
        if (httpStatus == 200) {
            return AccessTokenResponse.parse(body).map(r -> r);
        }
        if (httpStatus >= 400 && httpStatus <= 599) {
            return OAuthError.parse(body, httpStatus).map(TokenErrorResponse::new);
        }
        return Parsed.invalid(new Violation("", "a token response has status 200, 4xx or 5xx, not " + httpStatus,
                Specs.RFC6749_TOKEN_RESPONSE));
    }

    /** Reads a token endpoint response from JSON text, strictly ({@link StrictJson}). */
    static Parsed<TokenResponse> parse(int httpStatus, String body) {
        return StrictJson.parseObject(body).flatMap(o -> parse(httpStatus, o));
    }
}
