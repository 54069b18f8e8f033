package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.Parsed;

class AccessTokenResponseTest {

    private static AccessTokenResponse roundTrip(String example) {
        JsonObject original = json(example);
        AccessTokenResponse parsed = AccessTokenResponse.parse(original).orElseThrow();
        assertThat(parsed.toJson()).isEqualTo(original);
        return parsed;
    }

    private static Parsed<AccessTokenResponse> parse(String json) {
        return AccessTokenResponse.parse(json);
    }

    @Test
    void specExampleRfc6749Section414() {
        AccessTokenResponse r = roundTrip(TokenExamples.RFC6749_4_1_4_RESPONSE);
        assertThat(r.tokenType()).isEqualTo("example");
        assertThat(r.expiresIn()).contains(3600L);
        assertThat(r.refreshToken()).contains("tGzv3JOkF0XG5Qx2TlKWIA");
        assertThat(r.extensions()).containsEntry("example_parameter", Json.createValue("example_value"));
    }

    @Test
    void specExampleRfc6749Section443() {
        AccessTokenResponse r = roundTrip(TokenExamples.RFC6749_4_4_3_RESPONSE);
        assertThat(r.refreshToken()).isEmpty();
        assertThat(r.extensions()).containsOnlyKeys("example_parameter");
    }

    @Test
    void specExampleRfc6749Section51() {
        AccessTokenResponse r = roundTrip(TokenExamples.RFC6749_5_1_RESPONSE);
        assertThat(r.accessToken()).isEqualTo("2YotnFZFEjr1zCsicMWpAA");
    }

    @Test
    void specExampleRfc8707Section22CodeResponse() {
        AccessTokenResponse r = roundTrip(TokenExamples.RFC8707_2_2_CODE_RESPONSE);
        assertThat(r.isBearer()).isTrue();
        assertThat(r.scope()).contains(Scope.of("calendar"));
        assertThat(r.refreshToken()).contains("4LTC8lb0acc6Oy4esc1Nk9BWC0imAwH7kic16BDC2");
    }

    @Test
    void specExampleRfc8707Section22RefreshResponse() {
        AccessTokenResponse r = roundTrip(TokenExamples.RFC8707_2_2_REFRESH_RESPONSE);
        assertThat(r.scope()).contains(Scope.of("contacts"));
    }

    @Test
    void specExampleRfc8693Section23() {
        AccessTokenResponse r = roundTrip(TokenExamples.RFC8693_2_3_RESPONSE);
        assertThat(r.issuedTokenType()).contains(TokenTypeUri.ACCESS_TOKEN);
        assertThat(r.accessToken()).startsWith("eyJhbGciOiJFUzI1NiIsImtpZCI6IjllciJ9.").endsWith("y5-kdXjwhw");
        assertThat(r.expiresIn()).contains(60L);
    }

    @Test
    void specExampleRfc8693AppendixA13() {
        AccessTokenResponse r = roundTrip(TokenExamples.RFC8693_A_1_3_IMPERSONATION_RESPONSE);
        assertThat(r.issuedTokenType()).contains(TokenTypeUri.ACCESS_TOKEN);
        assertThat(r.isBearer()).isTrue();
    }

    @Test
    void specExampleRfc8693AppendixA24() {
        AccessTokenResponse r = roundTrip(TokenExamples.RFC8693_A_2_4_DELEGATION_RESPONSE);
        assertThat(r.issuedTokenType()).contains(TokenTypeUri.JWT);
        assertThat(r.isTokenType(AccessTokenResponse.NOT_APPLICABLE)).isTrue();
    }

    @Test
    void specExampleIdJagSection434() {
        AccessTokenResponse r = roundTrip(TokenExamples.IDJAG_4_3_4_RESPONSE);
        assertThat(r.issuedTokenType()).contains(TokenTypeUri.ID_JAG);
        assertThat(r.tokenType()).isEqualTo("N_A");
        assertThat(r.scope()).contains(Scope.of("chat.read", "chat.history"));
    }

    @Test
    void specExampleIdJagSection4342RarResponse() {
        AccessTokenResponse r = roundTrip(TokenExamples.IDJAG_4_3_4_2_RAR_RESPONSE);
        assertThat(r.extensions()).containsOnlyKeys("authorization_details");
        // RFC 9396 §7: the granted authorization details, readable as such
        assertThat(r.authorizationDetails()).hasValueSatisfying(
                d -> assertThat(d.types()).containsExactly("chat_read", "chat_history"));
    }

    @Test
    void parseWhenAuthorizationDetailsMalformedThenViolation() {
        // RFC 9396 §7: the member is an array of authorization details; anything else is refused
        for (String bad : List.of("\"x\"", "[{}]", "[{\"type\":\"a\",\"actions\":\"read\"}]")) {
            Parsed<AccessTokenResponse> r = AccessTokenResponse.parse(
                    "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"authorization_details\":" + bad + "}");
            assertThat(r.violations().has("/authorization_details")).as(bad).isTrue();
        }
    }

    @Test
    void specExampleIdJagSection4342RarAccessTokenResponse() {
        AccessTokenResponse r = roundTrip(TokenExamples.IDJAG_4_3_4_2_RAR_ACCESS_TOKEN_RESPONSE);
        assertThat(r.isBearer()).isTrue();
        assertThat(r.extensions()).containsOnlyKeys("authorization_details");
    }

    @Test
    void specExampleIdJagSection442() {
        AccessTokenResponse r = roundTrip(TokenExamples.IDJAG_4_4_2_RESPONSE);
        assertThat(r.refreshToken()).isEmpty();
        assertThat(r.expiresIn()).contains(86400L);
    }

    @Test
    void specExampleIdJagAppendixA425() {
        AccessTokenResponse r = roundTrip(TokenExamples.IDJAG_A_4_2_5_RESPONSE);
        assertThat(r.issuedTokenType()).contains(TokenTypeUri.ID_JAG);
    }

    @Test
    void specExampleIdJagAppendixA426() {
        AccessTokenResponse r = roundTrip(TokenExamples.IDJAG_A_4_2_6_RESPONSE);
        assertThat(r.scope()).contains(Scope.of("agent.read", "agent.write"));
    }

    @Test
    void parseWhenTokenTypeMissingThenViolation() {
        // RFC 6749 §5.1: token_type REQUIRED
        Parsed<AccessTokenResponse> p = parse("{\"access_token\":\"at\",\"expires_in\":3600}");
        assertThat(p.isValid()).isFalse();
        assertThat(p.violations().has("/token_type")).isTrue();
    }

    @Test
    void parseWhenAccessTokenMissingOrEmptyThenViolation() {
        // RFC 6749 §5.1: access_token REQUIRED; Appendix A.12: 1*VSCHAR
        assertThat(parse("{\"token_type\":\"Bearer\"}").violations().has("/access_token")).isTrue();
        assertThat(parse("{\"access_token\":\"\",\"token_type\":\"Bearer\"}").violations().has("/access_token"))
                .isTrue();
        assertThat(parse("{\"access_token\":\"a\\nb\",\"token_type\":\"Bearer\"}").violations().has("/access_token"))
                .isTrue();
    }

    @Test
    void parseWhenExpiresInIsStringOrNegativeOrFractionThenViolation() {
        // RFC 6749 §5.1 / Appendix A.14: expires_in is a JSON number, 1*DIGIT
        for (String bad : new String[] {"\"3600\"", "-1", "1.5", "null", "true"}) {
            assertThat(parse("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":" + bad + "}")
                    .violations().has("/expires_in")).as(bad).isTrue();
        }
    }

    @Test
    void parseWhenScopeMalformedThenViolation() {
        // RFC 6749 §3.3
        assertThat(parse("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"scope\":\"a\\\\b\"}")
                .violations().has("/scope")).isTrue();
        assertThat(parse("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"scope\":[\"a\"]}")
                .violations().has("/scope")).isTrue();
    }

    @Test
    void parseWhenIssuedTokenTypeNotUriThenViolation() {
        // RFC 8693 §3
        assertThat(parse("{\"access_token\":\"at\",\"token_type\":\"N_A\",\"issued_token_type\":\"jwt\"}")
                .violations().has("/issued_token_type")).isTrue();
    }

    @Test
    void parseWhenIdJagIssuedWithBearerTokenTypeThenViolation() {
        // ID-JAG -03 §4.3.4: token_type REQUIRED - N_A
        Parsed<AccessTokenResponse> p = parse("{\"access_token\":\"h.p.s\",\"token_type\":\"Bearer\","
                + "\"issued_token_type\":\"urn:ietf:params:oauth:token-type:id-jag\"}");
        assertThat(p.violations().has("/token_type")).isTrue();
    }

    @Test
    void parseWhenTokenTypeMalformedThenViolation() {
        // RFC 6749 Appendix A.13: type-name = 1*name-char, or a URI
        assertThat(parse("{\"access_token\":\"at\",\"token_type\":\"Bearer token\"}").violations().has("/token_type"))
                .isTrue();
    }

    @Test
    void parseCollectsEveryViolation() {
        Parsed<AccessTokenResponse> p = parse("{\"expires_in\":\"soon\",\"refresh_token\":7}");
        assertThat(p.violations().items()).hasSize(4);
    }

    @Test
    void parseWhenEmptyScopeThenAbsent() {
        assertThat(parse("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"scope\":\"\"}").orElseThrow().scope())
                .isEmpty();
    }

    @Test
    void isTokenTypeIgnoresAsciiCaseOnly() {
        // RFC 6749 §5.1: token_type is case insensitive
        AccessTokenResponse r = AccessTokenResponse.of("at", "bearer", 60);
        assertThat(r.isBearer()).isTrue();
        assertThat(r.isTokenType("BEARER")).isTrue();
        assertThat(r.isTokenType("Bearer ")).isFalse();
        assertThat(r.isTokenType("DPoP")).isFalse();
    }

    @Test
    void toJsonWhenParsedBackThenEqual() {
        AccessTokenResponse r = new AccessTokenResponse("at", "DPoP", Optional.of(300L), Optional.of("rt"),
                Optional.of(Scope.of("a", "b")), Optional.of(TokenTypeUri.ACCESS_TOKEN), Optional.of("id.token.jwt"),
                Map.of("x", Json.createValue(1)));
        assertThat(AccessTokenResponse.parse(r.toJson()).orElseThrow()).isEqualTo(r);
        assertThat(r.httpStatus()).isEqualTo(200);
    }

    @Test
    void constructorWhenInvariantBrokenThenIllegalArgument() {
        assertThatThrownBy(() -> new AccessTokenResponse("at", "Bearer", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(TokenTypeUri.ID_JAG), Optional.empty(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokenResponse("at", "Bearer", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of("scope", Json.createValue("a"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokenResponse.of("at", "Bearer", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokenResponse.of("", "Bearer", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesTokens() {
        AccessTokenResponse r = new AccessTokenResponse("access-secret", "Bearer", Optional.empty(),
                Optional.of("refresh-secret"), Optional.empty(), Optional.empty(), Optional.of("id-secret"), Map.of());
        assertThat(r.toString()).doesNotContain("access-secret").doesNotContain("refresh-secret")
                .doesNotContain("id-secret");
    }
}
