package dev.lanyard.spec.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;

class TokenErrorResponseTest {

    @Test
    void toJsonAndStatusComeFromTheError() {
        TokenErrorResponse r = new TokenErrorResponse(OAuthError.INVALID_TARGET.withDescription("Unknown resource"));
        assertThat(r.httpStatus()).isEqualTo(400);
        assertThat(r.toJson().getString("error")).isEqualTo("invalid_target");
        assertThat(r.toJson().getString("error_description")).isEqualTo("Unknown resource");
    }

    @Test
    void toJsonWhenParsedBackThenEqual() {
        TokenErrorResponse r = new TokenErrorResponse(OAuthError.INVALID_CLIENT.withDescription("Unknown client"));
        assertThat(TokenResponse.parse(r.httpStatus(), r.toJson()).orElseThrow()).isEqualTo(r);
    }

    @Test
    void constructorWhenNullThenNullPointer() {
        assertThatThrownBy(() -> new TokenErrorResponse(null)).isInstanceOf(NullPointerException.class);
    }
}
