package dev.lanyard.cimd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.lanyard.cimd.testing.Fuzz;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;

/** Seeded random and mutated inputs: the readers fail only in their documented way, and what passes keeps the rules. */
class CimdPropertyTest {

    private static final List<String> URL_SEEDS = List.of("https://cimd.example.test/app",
            "https://app.example.com/oauth/client-metadata.json", "https://h:8443/a/b?c=d", "https://[::1]/x",
            "https://cimd.example.test/a/../app", "https://u@h/x", "http://h/x");

    @Test
    void clientIdUrlParseWhenFuzzedThenOnlyInvalidClientAndAcceptedOnesFollowTheRules() {
        int accepted = 0;
        for (String input : Fuzz.of(7531, 12_000, URL_SEEDS)) {
            ClientIdUrl url;
            try {
                url = ClientIdUrl.parse(input);
            } catch (OAuthException e) {
                assertThat(e.error().code()).isEqualTo("invalid_client");
                if (input.length() > 12) {
                    assertThat(e.error().description().orElseThrow()).doesNotContain(input); // never echoed
                }
                assertThat(ClientIdUrl.isValid(input)).isFalse();
                continue;
            }
            accepted++;
            assertThat(url.value()).isEqualTo(input).startsWith("https://").doesNotContain("#");
            URI uri = url.uri();
            assertThat(uri.getRawUserInfo()).isNull();
            assertThat(uri.getHost()).isNotEmpty();
            assertThat(uri.getRawPath()).isNotEmpty().isNotEqualTo("/");
            for (String segment : uri.getRawPath().split("/", -1)) {
                String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
                assertThat(decoded).isNotIn(".", "..");
            }
            assertThat(url.host()).isEqualTo(url.host().toLowerCase(Locale.ROOT));
        }
        assertThat(accepted).isGreaterThan(1_000);
    }

    @Test
    void validateWhenFuzzedDocumentsThenNeverThrowsAndAcceptedOnesFollowTheRules() {
        ClientIdUrl url = ClientIdUrl.parse(CimdValidatorTest.URL);
        List<String> seeds = List.of(CimdValidatorTest.minimal().build().toString(),
                CimdValidatorTest.minimal().add("token_endpoint_auth_method", "private_key_jwt")
                        .add("jwks", CimdValidatorTest.publicJwks()).build().toString(),
                CimdValidatorTest.minimal().add("logo_uri", "https://cimd.example.test/l.png")
                        .add(CimdValidator.AUTH_METHOD_CHOICES, jakarta.json.Json.createArrayBuilder().add("none"))
                        .build().toString());
        CimdValidator validator = CimdValidator.create();
        int accepted = 0;
        for (String input : Fuzz.of(8642, 12_000, seeds)) {
            Parsed<ClientIdMetadataDocument> parsed = validator.validate(url, input);
            if (!(parsed instanceof Parsed.Ok<ClientIdMetadataDocument> ok)) {
                assertThat(parsed.violations().isEmpty()).isFalse();
                continue;
            }
            accepted++;
            ClientIdMetadataDocument d = ok.value();
            assertThat(d.metadata().clientId()).contains(url.value());
            assertThat(d.metadata().extensions()).doesNotContainKeys("client_secret", "client_secret_expires_at");
            assertThat(d.authMethod().isSymmetric()).isFalse();
            assertThat(d.redirectUris()).isNotEmpty();
            assertThat(d.clientName()).isNotBlank();
            if (d.authMethod().equals(ClientAuthMethod.PRIVATE_KEY_JWT)) {
                assertThat(d.jwks().isPresent() || d.jwksUri().isPresent()).isTrue();
            }
            d.jwks().ifPresent(j -> j.getJsonArray("keys").forEach(k -> assertThat(
                    dev.lanyard.cimd.internal.Jwks.isPrivate(k.asJsonObject())).isFalse()));
            assertThat(validator.validate(url, d.toJson()).orElseThrow()).isEqualTo(d);
        }
        assertThat(accepted).isGreaterThan(1_000);
    }
}
