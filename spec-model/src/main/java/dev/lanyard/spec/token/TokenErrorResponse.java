package dev.lanyard.spec.token;

import jakarta.json.JsonObject;

import java.util.Objects;

import dev.lanyard.spec.error.OAuthError;

/**
 * A token endpoint error (RFC 6749 §5.2): {@code error}, {@code error_description}, {@code error_uri}.
 *
 * @param error the error, with the HTTP status it is sent with
 */
public record TokenErrorResponse(OAuthError error) implements TokenResponse {

    public TokenErrorResponse {
        Objects.requireNonNull(error, "error");
    }

    @Override
    public int httpStatus() {
        return error.httpStatus();
    }

    @Override
    public JsonObject toJson() {
        return error.toJson();
    }
}
