package dev.lanyard.spec.bearer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

class ChallengeTest {

    /** The value of an example's {@code WWW-Authenticate} line, obs-folds replaced by SP (RFC 9112 §5.2). */
    static String fieldValue(String example) {
        String unfolded = example.strip().replaceAll("\\r?\\n[ \\t]+", " ");
        for (String line : unfolded.split("\\r?\\n")) {
            if (line.regionMatches(true, 0, "WWW-Authenticate:", 0, 17)) {
                return line.substring(17).strip();
            }
        }
        throw new AssertionError("no WWW-Authenticate line in the example");
    }

    @Test
    void specExampleRfc9110TwoChallengesWithQuotedPair() {
        // RFC 9110 §11.6.1
        String example = """
                WWW-Authenticate: Basic realm="simple", Newauth realm="apps",
                                  type=1, title="Login to \\"apps\\""
                """;
        List<Challenge> challenges = Challenge.parseAll(fieldValue(example));

        assertThat(challenges).containsExactly(
                new Challenge("Basic", Optional.empty(), Map.of("realm", "simple")),
                new Challenge("Newauth", Optional.empty(), ordered("realm", "apps", "type", "1",
                        "title", "Login to \"apps\"")));
        assertThat(challenges.get(1).params().keySet()).containsExactly("realm", "type", "title");
    }

    @Test
    void parseAllWhenSchemeAndNamesInAnyCaseThenNamesLowerCasedAndSchemeMatchedCaseInsensitively() {
        // RFC 9110 §11.1: auth-scheme is case-insensitive; §11.2: parameter names are case-insensitive
        Challenge c = Challenge.parseAll("bEaReR REALM=\"x\", Error=invalid_token").get(0);
        assertThat(c.isScheme("Bearer")).isTrue();
        assertThat(c.params()).containsExactly(Map.entry("realm", "x"), Map.entry("error", "invalid_token"));
        assertThat(c.param("ERROR")).contains("invalid_token");
    }

    @Test
    void parseAllWhenBwsAroundEqualsAndTokenValuesThenAccepted() {
        // RFC 9110 §11.2: auth-param = token BWS "=" BWS ( token / quoted-string )
        Challenge c = Challenge.parseAll("Bearer realm = \"a b\" ,\terror\t=\tinvalid_token").get(0);
        assertThat(c.params()).containsExactly(Map.entry("realm", "a b"), Map.entry("error", "invalid_token"));
    }

    @Test
    void parseAllWhenToken68ThenKeptWithItsPadding() {
        // RFC 9110 §11.2: token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
        assertThat(Challenge.parseAll("Negotiate a87421000492aa874209af8bc028==, Basic realm=\"x\""))
                .containsExactly(new Challenge("Negotiate", Optional.of("a87421000492aa874209af8bc028=="), Map.of()),
                        new Challenge("Basic", Optional.empty(), Map.of("realm", "x")));
        assertThat(Challenge.parseAll("Newauth realm=, Other realm=value")).containsExactly(
                new Challenge("Newauth", Optional.of("realm="), Map.of()),
                new Challenge("Other", Optional.empty(), Map.of("realm", "value")));
        assertThat(Challenge.parseAll("X a/b+c~d.e_f-g=").get(0).token68()).contains("a/b+c~d.e_f-g=");
    }

    @Test
    void parseAllWhenEmptyListElementsThenIgnored() {
        // RFC 9110 §5.6.1: a recipient MUST accept empty list elements
        assertThat(Challenge.parseAll(" , Basic realm=\"a\",, ,Bearer,  ,")).containsExactly(
                new Challenge("Basic", Optional.empty(), Map.of("realm", "a")),
                new Challenge("Bearer", Optional.empty(), Map.of()));
        assertThat(Challenge.parseAll("")).isEmpty();
        assertThat(Challenge.parseAll(" ,, ")).isEmpty();
    }

    @Test
    void parseAllWhenCommaInsideQuotedStringThenNotASeparator() {
        assertThat(Challenge.parseAll("Bearer scope=\"a,b\", error=\"x\"").get(0).params())
                .containsExactly(Map.entry("scope", "a,b"), Map.entry("error", "x"));
    }

    @Test
    void parseAllWhenParameterRepeatedInOneChallengeThenInvalidRequest() {
        // RFC 9110 §11.2: each parameter name MUST only occur once per challenge; RFC 6750 §3 likewise
        assertInvalid("Bearer realm=\"a\", REALM=\"b\"", "realm is repeated");
        assertInvalid("Bearer x=1, x=2", "an auth-param is repeated");
        // but the same name in two challenges is fine
        assertThat(Challenge.parseAll("Basic realm=\"a\", Bearer realm=\"b\"")).hasSize(2);
    }

    @Test
    void parseAllWhenMalformedThenInvalidRequestNamingTheHeader() {
        for (String bad : List.of("Bearer realm=\"open", "Bearer realm=\"a\"x", "Bearer realm=\"a\" error=\"b\"",
                "=Bearer", "Bearer\"x\"", "Bearer =x", "Bearer a=b=c", "Basic realm=\"x\", Foo=", "Bearer ,=",
                "Foo abc=, realm=\"x\"", "Bearer realm=\"a\r\nSet-Cookie: x=1\"", "Bearer realm=\"a\u0000\"",
                "Bearer realm=\"\u0100\"", "Bearer realm=\"a\\")) {
            assertInvalid(bad, "WWW-Authenticate");
        }
    }

    @Test
    void parseAllWhenHeaderOverTheCapThenInvalidRequest() {
        String big = "Bearer realm=\"" + "a".repeat(Challenge.MAX_HEADER_LENGTH) + "\"";
        assertInvalid(big, "too long");
    }

    @Test
    void constructorWhenParamsAndToken68ThenIllegalArgument() {
        // RFC 9110 §11.3: token68 or auth-params
        assertThatThrownBy(() -> new Challenge("X", Optional.of("abc"), Map.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Challenge("X Y", Optional.empty(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Challenge("X", Optional.empty(), Map.of("Realm", "b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Challenge("X", Optional.empty(), Map.of("realm", "a\nb")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInvalid(String headerValue, String descriptionPart) {
        assertThatThrownBy(() -> Challenge.parseAll(headerValue)).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error().is(OAuthError.INVALID_REQUEST)).isTrue();
            assertThat(e.error().description()).get().asString().contains(descriptionPart);
            assertThat(e.rule()).isPresent();
        });
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
