package dev.lanyard.cimd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

class ClientIdUrlTest {

    private static OAuthException refused(String clientId) {
        return catchThrowableOfType(OAuthException.class, () -> ClientIdUrl.parse(clientId));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://app.example.com/oauth/client-metadata.json", // MCP 2026-07-28 example
        "https://app.ex:8443/c",                               // CIMD §3: MAY include a port
        "https://app.ex/c?version=1",                          // CIMD §3: SHOULD NOT (warned), not MUST NOT
        "https://app.ex/a.b/c..d/.well-known/x",               // dots inside segments are not dot segments
        "https://[2001:db8::1]/c",
        "https://app.ex/c/",
        "https://app.ex/%7Euser/client"})
    void parseWhenValidThenKeptExactly(String value) {
        ClientIdUrl url = ClientIdUrl.parse(value);
        assertThat(url.value()).isEqualTo(value);
        assertThat(url.toString()).isEqualTo(value);
        assertThat(ClientIdUrl.isValid(value)).isTrue();
    }

    // CIMD §3 and the A-080 list: each refused with invalid_client, naming the rule, never echoing the value
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://cimd.example.test/app|must start with https://",
        "https://cimd.example.test/app#f|must not contain a fragment",
        "https://cimd.example.test/app#|must not contain a fragment",
        "https://u:p@cimd.example.test/app|must not contain userinfo",
        "https://u@cimd.example.test/app|must not contain userinfo",
        "https://cimd.example.test/a/../app|must not contain . or .. path segments",
        "https://cimd.example.test/./app|must not contain . or .. path segments",
        "https://cimd.example.test/app/..|must not contain . or .. path segments",
        "https://cimd.example.test/%2e%2e/app|must not contain . or .. path segments",
        "https://cimd.example.test/%2E/app|must not contain . or .. path segments",
        "https://cimd.example.test/.%2E/app|must not contain . or .. path segments",
        "https://cimd.example.test/a%2f..%2fapp|must not contain percent-encoded slashes",
        "https://cimd.example.test/a%5C..%5Capp|must not contain percent-encoded slashes",
        "https:cimd.example.test/app|must start with https://",
        "https:/cimd.example.test/app|must start with https://",
        "https://cimd.example.test\\app|printable ASCII characters without spaces or backslashes",
        "' https://cimd.example.test/app'|printable ASCII characters without spaces or backslashes",
        "'https://cimd.example.test/app '|printable ASCII characters without spaces or backslashes",
        "https://cimd.example.test|must have a path other than /",
        "https://cimd.example.test/|must have a path other than /",
        "https://cimd.example.test?x=/y|must have a path other than /",
        "HTTPS://cimd.example.test/app|must start with https://",
        "https:///app|must have a host",
        "https://cimd.example.test:/app|must have a port in 1..65535",
        "https://cimd.example.test:0/app|must have a port in 1..65535",
        "https://cimd.example.test:65536/app|must have a port in 1..65535",
        "https://cimd_example.test/app|must have a valid host name",
        "https://cimd.example.test/a%zz|is not a valid URI",
        "https://cimd.example.test/é|printable ASCII",
        "urn:example:client|must start with https://"})
    void parseWhenRuleBrokenThenInvalidClientNamingTheRule(String value, String rule) {
        OAuthException e = refused(value);
        assertThat(e).isNotNull();
        assertThat(e.error().code()).isEqualTo("invalid_client");
        assertThat(e.error().description()).hasValueSatisfying(d -> {
            assertThat(d).startsWith("client_id is not a valid client ID metadata document URL").contains(rule);
            assertThat(d).doesNotContain("cimd.example.test");
        });
        assertThat(e.rule()).hasValueSatisfying(r -> assertThat(r.document()).isEqualTo(Specs.CIMD));
        assertThat(ClientIdUrl.isValid(value)).isFalse();
    }

    @Test
    void parseWhenEmptyOrTooLongThenInvalidClient() {
        assertThat(refused("").error().code()).isEqualTo("invalid_client");
        String longest = "https://cimd.example.test/" + "a".repeat(ClientIdUrl.MAX_LENGTH - 26);
        assertThat(ClientIdUrl.parse(longest).value()).hasSize(ClientIdUrl.MAX_LENGTH);
        assertThat(refused(longest + "a").error().description()).hasValueSatisfying(
                d -> assertThat(d).contains("1 to 2048 characters"));
    }

    @Test
    void constructorWhenInvalidThenIllegalArgument() {
        assertThatThrownBy(() -> new ClientIdUrl("http://x/y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientIdUrl(null)).isInstanceOf(NullPointerException.class);
    }

    // CIMD -02 §3: simple string comparison, no default-port normalisation; A-077
    @Test
    void equalsWhenSameClientSpelledDifferentlyThenDifferentClients() {
        ClientIdUrl plain = ClientIdUrl.parse("https://cimd.example.test/app");
        assertThat(plain).isNotEqualTo(ClientIdUrl.parse("https://cimd.example.test:443/app"))
                .isNotEqualTo(ClientIdUrl.parse("https://CIMD.example.test/app"))
                .isNotEqualTo(ClientIdUrl.parse("https://cimd.example.test/app/"))
                .isNotEqualTo(ClientIdUrl.parse("https://cimd.example.test/%61pp"))
                .isEqualTo(ClientIdUrl.parse("https://cimd.example.test/app"));
    }

    @Test
    void hostWhenMixedCaseThenLowerCaseForDisplayAndTrust() {
        assertThat(ClientIdUrl.parse("https://App.Example.COM:8443/c").host()).isEqualTo("app.example.com");
        assertThat(ClientIdUrl.parse("https://[2001:DB8::1]/c").host()).isEqualTo("[2001:db8::1]");
    }

    @Test
    void hasQueryWhenQueryThenTrue() {
        assertThat(ClientIdUrl.parse("https://app.ex/c?v=1").hasQuery()).isTrue();
        assertThat(ClientIdUrl.parse("https://app.ex/c").hasQuery()).isFalse();
    }

    // CIMD -02 §7.1: the https:// prefix is only a shape; configured clients are looked up first
    @Test
    void looksLikeUrlWhenHttpsPrefixThenTrueEvenIfInvalid() {
        assertThat(ClientIdUrl.looksLikeUrl("https://app.ex/c")).isTrue();
        assertThat(ClientIdUrl.looksLikeUrl("HTTPS://app.ex")).isTrue();
        assertThat(ClientIdUrl.looksLikeUrl("my-client")).isFalse();
        assertThat(ClientIdUrl.looksLikeUrl("http://app.ex/c")).isFalse();
        assertThat(ClientIdUrl.looksLikeUrl(null)).isFalse();
    }
}
