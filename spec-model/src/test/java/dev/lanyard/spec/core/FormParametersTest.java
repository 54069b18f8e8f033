package dev.lanyard.spec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.testing.Mutations;

class FormParametersTest {

    @Test
    void parseWhenPlusAndPercentThenDecodedAsUtf8() {
        FormParameters p = FormParameters.parse("a=b+c&n=%C3%A9t%C3%A9&empty=&flag");
        assertThat(p.get("a")).contains("b c");
        assertThat(p.get("n")).contains("été");
        assertThat(p.get("empty")).isEmpty();
        assertThat(p.get("flag")).isEmpty();
        assertThat(p.get("missing")).isEmpty();
    }

    @Test
    void getWhenParameterRepeatedThenInvalidRequestNamingIt() {
        // RFC 6749 §3.1, OAuth 2.1 §3.1: parameters MUST NOT be included more than once
        FormParameters p = FormParameters.parse("redirect_uri=https%3A%2F%2Fa%2Fcb&redirect_uri=https%3A%2F%2Fevil%2Fcb");
        assertThatThrownBy(() -> p.get("redirect_uri"))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error().is(OAuthError.INVALID_REQUEST)).isTrue();
                    assertThat(e.error().description()).contains("Parameter redirect_uri is repeated");
                    assertThat(e.rule()).isPresent();
                });
    }

    @Test
    void getAllWhenResourceRepeatedThenEveryValue() {
        // RFC 8707 §2: resource MAY be repeated
        FormParameters p = FormParameters.parse("resource=https%3A%2F%2Fa&resource=https%3A%2F%2Fb&resource=");
        assertThat(p.getAll("resource")).containsExactly("https://a", "https://b");
    }

    @Test
    void parseWhenPercentEncodingMalformedThenInvalidRequest() {
        for (String bad : List.of("a=%", "a=%2", "a=%zz", "a=%C3%28", "a=%FF", "a=%E2%82", "%=1")) {
            assertThatThrownBy(() -> FormParameters.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(OAuthException.class,
                            e -> assertThat(e.error().is(OAuthError.INVALID_REQUEST)).isTrue());
        }
    }

    @Test
    void parseWhenLoneSurrogateThenInvalidRequest() {
        // INP-02: text that is not well-formed Unicode is refused, encoded or not
        for (String bad : List.of("state=a\uD800b", "state=\uDC00", "a\uD800=1", "state=x+\uD800")) {
            assertThatThrownBy(() -> FormParameters.parse(bad)).isInstanceOf(OAuthException.class);
        }
        assertThat(FormParameters.parse("emoji=\uD83D\uDE00").get("emoji")).contains("\uD83D\uDE00");
    }

    @Test
    void parseWhenTenThousandParametersThenInvalidRequest() {
        // a parameter flood is refused quickly, not processed
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            b.append("p").append(i).append("=1&");
        }
        assertThatThrownBy(() -> FormParameters.parse(b.toString()))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.error().is(OAuthError.INVALID_REQUEST)).isTrue());
        assertThatThrownBy(() -> FormParameters.of(Map.of("a", java.util.Collections.nCopies(500, "x"))))
                .isInstanceOf(OAuthException.class);
    }

    @Test
    void ofWhenImmutableListsThenCopiedAndNullsRefused() {
        // Map.of / List.of refuse contains(null) queries; the copy must still work and nulls still be refused
        FormParameters p = FormParameters.of(Map.of("grant_type", List.of("client_credentials")));
        assertThat(p.get("grant_type")).contains("client_credentials");
        java.util.List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> FormParameters.of(Map.of("a", withNull)))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.error().is(OAuthError.INVALID_REQUEST)).isTrue());
    }

    @Test
    void parseWhenOneMegabyteValueThenInvalidRequest() {
        // oversize parameters are refused, never truncated
        String big = "grant_type=authorization_code&code=" + "a".repeat(1024 * 1024);
        assertThatThrownBy(() -> FormParameters.parse(big)).isInstanceOf(OAuthException.class);
    }

    @Test
    void toUrlEncodedWhenParsedBackThenEqual() {
        FormParameters p = FormParameters.builder().add("a", "b c&d=é").add("x", "1").add("x", "2").add("e", "").build();
        assertThat(FormParameters.parse(p.toUrlEncoded())).isEqualTo(p);
        assertThat(p.names()).containsExactly("a", "x");
    }

    @Test
    void toStringWhenParametersHoldSecretsThenValuesHidden() {
        assertThat(FormParameters.parse("client_secret=S1").toString()).doesNotContain("S1");
    }

    @Test
    void parseWhenTenThousandMutatedInputsThenOnlyOAuthException() {
        List<String> seeds = List.of("grant_type=authorization_code&code=abc&code_verifier=x",
                "a=b+c&n=%C3%A9", "resource=https%3A%2F%2Frs.example%2Fapi&scope=a+b");
        int accepted = Mutations.assertOnlyDocumentedFailures(Mutations.of(1, 10_000, seeds),
                s -> FormParameters.parse(s).names().forEach(n -> FormParameters.parse(s).getAll(n)),
                OAuthException.class);
        assertThat(accepted).isGreaterThan(1000);
    }
}
