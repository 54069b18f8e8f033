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

class ClientCredentialsInRequestTest {

    @Test
    void specExampleRfc6749Section231() {
        ClientCredentialsInRequest c = ClientCredentialsInRequest.parse(
                form(TokenExamples.RFC6749_2_3_1_REFRESH_WITH_SECRET));
        assertThat(c).isEqualTo(new ClientCredentialsInRequest(Optional.of("s6BhdRkqt3"),
                Optional.of("7Fjfp0ZBr1KtDRbnfVdmIw"), Optional.empty(), Optional.empty()));
    }

    @Test
    void specExampleIdJagSection431ClientAssertion() {
        ClientCredentialsInRequest c = ClientCredentialsInRequest.parse(
                form(TokenExamples.IDJAG_4_3_1_ID_TOKEN_REQUEST));
        assertThat(c).isEqualTo(new ClientCredentialsInRequest(Optional.empty(), Optional.empty(),
                Optional.of("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                Optional.of("eyJhbGciOiJSUzI1NiIsImtpZCI6IjIyIn0...")));
    }

    @Test
    void parseWhenClientSecretRepeatedThenInvalidRequest() {
        // RFC 6749 §3.1
        assertInvalidRequest(() -> ClientCredentialsInRequest.parse(FormParameters.parse(
                "client_id=c&client_secret=a&client_secret=b")), "client_secret");
    }

    @Test
    void parseWhenClientIdNotVscharThenInvalidRequest() {
        // RFC 6749 Appendix A.1: client-id = *VSCHAR
        assertInvalidRequest(() -> ClientCredentialsInRequest.parse(FormParameters.parse("client_id=a%0Db")),
                "client_id");
    }

    @Test
    void parseWhenClientAssertionOversizeThenInvalidRequest() {
        // INP-03
        assertInvalidRequest(() -> ClientCredentialsInRequest.parse(FormParameters.of(Map.of("client_assertion",
                List.of("a".repeat(TokenRequest.MAX_ASSERTION_LENGTH + 1))))), "client_assertion");
    }

    @Test
    void toFormWhenParsedBackThenEqual() {
        ClientCredentialsInRequest c = new ClientCredentialsInRequest(Optional.of("c1"), Optional.empty(),
                Optional.of("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), Optional.of("h.p.s"));
        assertThat(ClientCredentialsInRequest.parse(c.toForm())).isEqualTo(c);
        assertThat(ClientCredentialsInRequest.parse(FormParameters.empty()))
                .isEqualTo(ClientCredentialsInRequest.none());
        assertThat(ClientCredentialsInRequest.none().isEmpty()).isTrue();
        assertThat(c.isEmpty()).isFalse();
    }

    @Test
    void constructorWhenEmptyValueThenIllegalArgument() {
        assertThatThrownBy(() -> new ClientCredentialsInRequest(Optional.of(""), Optional.empty(), Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesSecretAndAssertion() {
        String s = new ClientCredentialsInRequest(Optional.of("c1"), Optional.of("S3cret"), Optional.empty(),
                Optional.of("assertion-jwt")).toString();
        assertThat(s).contains("c1").doesNotContain("S3cret").doesNotContain("assertion-jwt");
    }
}
