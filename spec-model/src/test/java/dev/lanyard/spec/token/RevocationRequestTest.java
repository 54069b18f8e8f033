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

class RevocationRequestTest {

    @Test
    void specExampleRfc7009Section21() {
        FormParameters form = form(TokenExamples.RFC7009_2_1_REQUEST);
        RevocationRequest r = RevocationRequest.parse(form);
        assertThat(r).isEqualTo(new RevocationRequest("45ghiukldjahdnhzdauz",
                Optional.of(TokenTypeHint.REFRESH_TOKEN)));
        assertThat(r.toForm()).isEqualTo(form);
    }

    @Test
    void parseWhenTokenMissingThenInvalidRequest() {
        // RFC 7009 §2.1: token REQUIRED
        assertInvalidRequest(() -> RevocationRequest.parse(FormParameters.parse("token_type_hint=access_token")),
                "token");
        assertInvalidRequest(() -> RevocationRequest.parse(FormParameters.parse("token=")), "token");
    }

    @Test
    void parseWhenTokenOrHintRepeatedThenInvalidRequest() {
        // RFC 6749 §3.1
        assertInvalidRequest(() -> RevocationRequest.parse(FormParameters.parse("token=a&token=b")), "token");
        assertInvalidRequest(() -> RevocationRequest.parse(FormParameters.parse(
                "token=a&token_type_hint=access_token&token_type_hint=refresh_token")), "token_type_hint");
    }

    @Test
    void parseWhenTokenOversizeThenInvalidRequest() {
        // INP-03
        assertInvalidRequest(() -> RevocationRequest.parse(FormParameters.of(Map.of("token",
                List.of("t".repeat(RevocationRequest.MAX_TOKEN_LENGTH + 1))))), "token");
    }

    @Test
    void parseWhenHintUnknownThenKept() {
        // RFC 7009 §2.1: the server MAY ignore the hint; the registry is open (§4.1.2)
        assertThat(RevocationRequest.parse(FormParameters.parse("token=a&token_type_hint=device_code"))
                .tokenTypeHint()).contains(new TokenTypeHint("device_code"));
    }

    @Test
    void toFormWhenParsedBackThenEqual() {
        RevocationRequest r = new RevocationRequest("abc", Optional.empty());
        assertThat(RevocationRequest.parse(r.toForm())).isEqualTo(r);
        assertThat(r.toString()).doesNotContain("abc");
    }

    @Test
    void constructorWhenTokenEmptyThenIllegalArgument() {
        assertThatThrownBy(() -> new RevocationRequest("", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
