package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.assertInvalidRequest;
import static dev.lanyard.spec.token.SpecExamples.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.FormParameters;

class IntrospectionRequestTest {

    @Test
    void specExampleRfc7662Section21BearerAuthorized() {
        FormParameters form = form(TokenExamples.RFC7662_2_1_BEARER_REQUEST);
        IntrospectionRequest r = IntrospectionRequest.parse(form);
        assertThat(r).isEqualTo(new IntrospectionRequest("2YotnFZFEjr1zCsicMWpAA", Optional.empty()));
        assertThat(r.toForm()).isEqualTo(form);
    }

    @Test
    void specExampleRfc7662Section21WithHint() {
        FormParameters form = form(TokenExamples.RFC7662_2_1_BASIC_REQUEST);
        IntrospectionRequest r = IntrospectionRequest.parse(form);
        assertThat(r).isEqualTo(new IntrospectionRequest("mF_9.B5f-4.1JqM", Optional.of(TokenTypeHint.ACCESS_TOKEN)));
        assertThat(r.toForm()).isEqualTo(form);
    }

    @Test
    void parseWhenTokenMissingThenInvalidRequest() {
        // RFC 7662 §2.1: token REQUIRED
        assertInvalidRequest(() -> IntrospectionRequest.parse(FormParameters.parse("token_type_hint=access_token")),
                "token");
    }

    @Test
    void parseWhenTokenRepeatedThenInvalidRequest() {
        // RFC 6749 §3.1
        assertInvalidRequest(() -> IntrospectionRequest.parse(FormParameters.parse("token=a&token=b")), "token");
    }

    @Test
    void parseWhenTokenOrHintOversizeThenInvalidRequest() {
        // INP-03
        assertInvalidRequest(() -> IntrospectionRequest.parse(FormParameters.of(Map.of("token",
                List.of("t".repeat(IntrospectionRequest.MAX_TOKEN_LENGTH + 1))))), "token");
        assertInvalidRequest(() -> IntrospectionRequest.parse(FormParameters.of(Map.of("token", List.of("t"),
                "token_type_hint", List.of("h".repeat(TokenTypeHint.MAX_LENGTH + 1))))), "token_type_hint");
    }

    @Test
    void toFormWhenParsedBackThenEqual() {
        IntrospectionRequest r = new IntrospectionRequest("xyz", Optional.of(TokenTypeHint.REFRESH_TOKEN));
        assertThat(IntrospectionRequest.parse(r.toForm())).isEqualTo(r);
        assertThat(r.toString()).doesNotContain("xyz");
    }

    @Test
    void constructorWhenTokenOversizeThenIllegalArgument() {
        assertThatThrownBy(() -> new IntrospectionRequest("t".repeat(IntrospectionRequest.MAX_TOKEN_LENGTH + 1),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
