package dev.lanyard.spec.metadata;

import static dev.lanyard.spec.metadata.SpecText.json;
import static dev.lanyard.spec.metadata.SpecText.violationAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.ref.Specs;

class ClientRegistrationResponseTest {

    // RFC 7591 §3.2.1 (the JSON part of the example response of a successful registration; the backslash-u escapes
    // become characters in javac, giving the same JSON value)
    static final String RFC7591_RESPONSE = """
            {
             "client_id": "s6BhdRkqt3",
             "client_secret": "cf136dc3c1fc93f31185e5885805d",
             "client_id_issued_at": 2893256800,
             "client_secret_expires_at": 2893276800,
             "redirect_uris": [
               "https://client.example.org/callback",
               "https://client.example.org/callback2"],
             "grant_types": ["authorization_code", "refresh_token"],
             "client_name": "My Example Client",
             "client_name#ja-Jpan-JP":
                "\u30AF\u30E9\u30A4\u30A2\u30F3\u30C8\u540D",
             "token_endpoint_auth_method": "client_secret_basic",
             "logo_uri": "https://client.example.org/logo.png",
             "jwks_uri": "https://client.example.org/my_public_keys.jwks",
             "example_extension_parameter": "example_value"
            }
            """;

    static JsonObjectBuilder minimal() {
        return Json.createObjectBuilder().add("client_id", "s6BhdRkqt3")
                .add("redirect_uris", Json.createArrayBuilder().add("https://client.example.org/cb"));
    }

    static Parsed<ClientRegistrationResponse> parse(JsonObjectBuilder b) {
        return ClientRegistrationResponse.parse(b.build());
    }

    @Test
    void specExampleRfc7591Section3_2_1ResponseRoundTrips() {
        ClientRegistrationResponse r = ClientRegistrationResponse.parse(RFC7591_RESPONSE).orElseThrow();

        assertThat(r.clientId()).isEqualTo("s6BhdRkqt3");
        assertThat(r.clientSecret()).contains("cf136dc3c1fc93f31185e5885805d");
        assertThat(r.clientIdIssuedAt()).contains(Instant.ofEpochSecond(2893256800L));
        assertThat(r.clientSecretExpiresAt()).contains(Instant.ofEpochSecond(2893276800L));
        assertThat(r.metadata().clientId()).isEmpty();
        assertThat(r.metadata().grantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
        assertThat(r.metadata().localized("client_name")).containsExactly(Map.entry("ja-Jpan-JP", "クライアント名"));
        assertThat(r.metadata().extensions()).containsOnlyKeys("client_name#ja-Jpan-JP", "example_extension_parameter");
        assertThat(r.toJson()).isEqualTo(json(RFC7591_RESPONSE));
    }

    @Test
    void toStringWhenSecretAndTokenThenHidden() {
        ClientRegistrationResponse r = parse(minimal().add("client_secret", "cf136dc3c1fc93f31185e5885805d")
                .add("client_secret_expires_at", 0)
                .add("registration_access_token", "reg-23410913-abewfq.123483")
                .add("registration_client_uri", "https://server.example.com/register/s6BhdRkqt3")).orElseThrow();

        assertThat(r.registrationAccessToken()).contains("reg-23410913-abewfq.123483");
        assertThat(r.registrationClientUri()).contains(URI.create("https://server.example.com/register/s6BhdRkqt3"));
        assertThat(r.toString()).contains("s6BhdRkqt3").contains("<redacted>")
                .doesNotContain("cf136dc3c1fc93f31185e5885805d").doesNotContain("reg-23410913-abewfq.123483");
        assertThat(ClientRegistrationResponse.parse(r.toJson()).orElseThrow()).isEqualTo(r);
    }

    @Test
    void isSecretExpiredWhenZeroThenNeverExpires() {
        // RFC 7591 §3.2.1: client_secret_expires_at is 0 if the secret will not expire
        ClientRegistrationResponse never = parse(minimal().add("client_secret", "s").add("client_secret_expires_at", 0))
                .orElseThrow();
        ClientRegistrationResponse soon = parse(minimal().add("client_secret", "s")
                .add("client_secret_expires_at", 2893276800L)).orElseThrow();

        assertThat(never.clientSecretExpiresAt()).contains(Instant.EPOCH);
        assertThat(never.isSecretExpired(Instant.parse("2100-01-01T00:00:00Z"))).isFalse();
        assertThat(soon.isSecretExpired(Instant.ofEpochSecond(2893276799L))).isFalse();
        assertThat(soon.isSecretExpired(Instant.ofEpochSecond(2893276800L))).isTrue();
    }

    @Test
    void parseWhenClientIdMissingThenRequired() {
        // RFC 7591 §3.2.1: client_id REQUIRED
        Violation v = violationAt(parse(minimal().remove("client_id")), "/client_id");
        assertThat(v.message()).contains("REQUIRED");
        assertThat(v.rule()).isEqualTo(Specs.RFC7591_CLIENT_INFORMATION);
    }

    @Test
    void parseWhenSecretWithoutExpiryThenRequired() {
        // RFC 7591 §3.2.1: client_secret_expires_at is REQUIRED if client_secret is issued
        Violation v = violationAt(parse(minimal().add("client_secret", "cf136dc3c1fc93f31185e5885805d")),
                "/client_secret_expires_at");
        assertThat(v.message()).contains("REQUIRED");
        assertThat(v.toString()).doesNotContain("cf136dc3c1fc93f31185e5885805d");
    }

    @Test
    void parseWhenTimesNotWholeNonNegativeSecondsThenRefused() {
        for (JsonObject doc : List.of(minimal().add("client_id_issued_at", -1).build(),
                minimal().add("client_id_issued_at", 1.5).build(),
                minimal().add("client_id_issued_at", "2893256800").build(),
                minimal().add("client_id_issued_at", Long.MAX_VALUE).build())) {
            assertThat(ClientRegistrationResponse.parse(doc).violations().has("/client_id_issued_at"))
                    .as(doc.toString()).isTrue();
        }
    }

    @Test
    void parseWhenMetadataInvalidThenItsViolationsReported() {
        // RFC 7591 §2: jwks and jwks_uri never together, in a response as in a request
        Parsed<ClientRegistrationResponse> p = parse(minimal().remove("redirect_uris")
                .add("redirect_uris", Json.createArrayBuilder().add("cb"))
                .add("jwks_uri", "https://client.example.org/jwks")
                .add("jwks", Json.createObjectBuilder().add("keys", Json.createArrayBuilder())));
        assertThat(violationAt(p, "/redirect_uris/0").message()).contains("absolute");
        assertThat(violationAt(p, "/jwks").rule()).isEqualTo(Specs.RFC7591_METADATA);
    }

    @Test
    void parseWhenRegistrationClientUriRelativeThenRefused() {
        assertThat(violationAt(parse(minimal().add("registration_client_uri", "/register/s6BhdRkqt3")),
                "/registration_client_uri").message()).contains("absolute");
    }

    @Test
    void parseStringWhenClientIdDuplicatedOrNotAnObjectThenInvalid() {
        assertThat(ClientRegistrationResponse.parse("{\"client_id\":\"a\",\"client_id\":\"b\"}").isValid()).isFalse();
        for (String text : List.of("null", "[]", "\"s6BhdRkqt3\"")) {
            assertThat(ClientRegistrationResponse.parse(text).violations().has("")).as(text).isTrue();
        }
    }

    @Test
    void constructorWhenInvariantBrokenThenIllegalArgument() {
        ClientMetadata metadata = ClientMetadata.parse("{}").orElseThrow();
        ClientMetadata withClientId = ClientMetadata.parse("{\"client_id\":\"x\"}").orElseThrow();
        ClientMetadata withSecret = ClientMetadata.parse("{\"client_secret\":\"x\"}").orElseThrow();
        assertThatThrownBy(() -> response("", Optional.empty(), Optional.empty(), metadata))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> response("c", Optional.of("secret"), Optional.empty(), metadata))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> response("c", Optional.empty(), Optional.of(Instant.ofEpochMilli(1500)), metadata))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> response("c", Optional.empty(), Optional.empty(), withClientId))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> response("c", Optional.empty(), Optional.empty(), withSecret))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(response("c", Optional.of("secret"), Optional.of(Instant.EPOCH), metadata).toJson())
                .isEqualTo(json("{\"client_id\":\"c\",\"client_secret\":\"secret\",\"client_secret_expires_at\":0}"));
    }

    private static ClientRegistrationResponse response(String clientId, Optional<String> secret,
            Optional<Instant> expiresAt, ClientMetadata metadata) {
        return new ClientRegistrationResponse(clientId, secret, Optional.empty(), expiresAt, Optional.empty(),
                Optional.empty(), metadata);
    }
}
