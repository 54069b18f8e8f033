package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.body;
import static dev.lanyard.spec.token.SpecExamples.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.Parsed;

class TokenResponseTest {

    @Test
    void specExampleRfc6749Section51() {
        JsonObject original = json(TokenExamples.RFC6749_5_1_RESPONSE);
        TokenResponse r = TokenResponse.parse(200, body(TokenExamples.RFC6749_5_1_RESPONSE)).orElseThrow();
        assertThat(r).isInstanceOf(AccessTokenResponse.class);
        assertThat(r.toJson()).isEqualTo(original);
        assertThat(r.httpStatus()).isEqualTo(200);
    }

    @Test
    void specExampleRfc6749Section52() {
        JsonObject original = json(TokenExamples.RFC6749_5_2_ERROR_RESPONSE);
        TokenResponse r = TokenResponse.parse(400, original).orElseThrow();
        assertThat(r).isEqualTo(new TokenErrorResponse(OAuthError.INVALID_REQUEST));
        assertThat(r.toJson()).isEqualTo(original);
        assertThat(r.httpStatus()).isEqualTo(400);
    }

    @Test
    void specExampleIdJagSection4343() {
        JsonObject original = json(TokenExamples.IDJAG_4_3_4_3_ERROR_RESPONSE);
        TokenErrorResponse r = (TokenErrorResponse) TokenResponse.parse(400, original).orElseThrow();
        assertThat(r.error().is(OAuthError.INVALID_GRANT)).isTrue();
        assertThat(r.error().description()).contains("Audience validation failed");
        assertThat(r.toJson()).isEqualTo(original);
    }

    @Test
    void parseWhenStatusNeitherSuccessNorErrorThenViolation() {
        // RFC 6749 §5.1: 200 OK; §5.2: 400 unless specified otherwise
        for (int status : new int[] {201, 204, 302, 100}) {
            assertThat(TokenResponse.parse(status, json(TokenExamples.RFC6749_5_1_RESPONSE)).isValid()).isFalse();
        }
    }

    @Test
    void parseWhenErrorStatusWithoutErrorMemberThenViolation() {
        // RFC 6749 §5.2: error REQUIRED
        Parsed<TokenResponse> p = TokenResponse.parse(400, "{\"error_description\":\"oops\"}");
        assertThat(p.violations().has("/error")).isTrue();
    }

    @Test
    void parseWhenSuccessStatusWithErrorBodyThenViolation() {
        Parsed<TokenResponse> p = TokenResponse.parse(200, "{\"error\":\"invalid_grant\"}");
        assertThat(p.violations().has("/access_token")).isTrue();
    }

    @Test
    void parseWhenTextIsNotAJsonObjectThenViolationNotException() {
        for (String bad : new String[] {"", "[]", "null", "{", "{\"a\":1,\"a\":2}", "<html>"}) {
            assertThat(TokenResponse.parse(200, bad).isValid()).as(bad).isFalse();
        }
    }

    @Test
    void errorResponseKeepsItsStatus() {
        TokenResponse r = TokenResponse.parse(401, "{\"error\":\"invalid_client\"}").orElseThrow();
        assertThat(r.httpStatus()).isEqualTo(401);
        assertThat(((TokenErrorResponse) r).error().description()).isEqualTo(Optional.empty());
    }
}
