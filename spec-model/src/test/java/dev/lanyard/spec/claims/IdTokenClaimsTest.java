package dev.lanyard.spec.claims;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Violation;

class IdTokenClaimsTest {

    @Test
    void specExampleOidcIdTokenClaims() {
        // OpenID Connect Core 1.0 §2: the non-normative example of the Claims in an ID Token
        String example = """
                  {
                   "iss": "https://server.example.com",
                   "sub": "24400320",
                   "aud": "s6BhdRkqt3",
                   "nonce": "n-0S6_WzA2Mj",
                   "exp": 1311281970,
                   "iat": 1311280970,
                   "auth_time": 1311280969,
                   "acr": "urn:mace:incommon:iap:silver"
                  }
                """;
        JsonObject original = StrictJson.parseObject(example).orElseThrow();
        IdTokenClaims c = IdTokenClaims.parse(original).orElseThrow();

        assertThat(c.toJson()).isEqualTo(original);
        assertThat(c.aud()).containsExactly("s6BhdRkqt3");
        assertThat(c.nonce()).contains("n-0S6_WzA2Mj");
        assertThat(c.authTime()).contains(1311280969L);
    }

    @Test
    void parseWhenSeveralAudiencesAndAzpThenRoundTrip() {
        String json = """
                {"iss":"https://idp.example.test","sub":"u-alice","aud":["c-1","c-2"],"azp":"c-1","exp":1900000300,
                 "iat":1900000000,"amr":["pwd"],"email":"alice@example.test","email_verified":true}
                """;
        JsonObject original = StrictJson.parseObject(json).orElseThrow();
        IdTokenClaims c = IdTokenClaims.parse(original).orElseThrow();

        assertThat(c.toJson()).isEqualTo(original);
        assertThat(c.azp()).contains("c-1");
        assertThat(c.extensions()).containsOnlyKeys("email", "email_verified");
        assertThat(new IdTokenClaims("i", "s", List.of("a"), 2, 1, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Map.of()).toJson().getString("aud")).isEqualTo("a");
    }

    @Test
    void parseWhenRequiredClaimMissingThenViolationForEach() {
        // OpenID Connect Core 1.0 §2: iss, sub, aud, exp, iat are REQUIRED
        assertThat(IdTokenClaims.parse("{\"nonce\":\"n\"}").violations().items()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/iss", "/sub", "/aud", "/exp", "/iat");
    }

    @Test
    void parseWhenTypesWrongThenViolationForEach() {
        // OpenID Connect Core 1.0 §2: auth_time is a NumericDate, nonce/acr/azp strings, amr an array of strings
        assertThat(IdTokenClaims.parse("""
                {"iss":"i","sub":"s","aud":"a","exp":"2","iat":-5,"auth_time":"x","nonce":1,"acr":[],"amr":"pwd",
                 "azp":{}}
                """).violations().items()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/exp", "/iat", "/auth_time", "/nonce", "/acr", "/amr", "/azp");
    }
}
