package dev.lanyard.spec.claims;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;

class IdJagClaimsTest {

    static final String VALID = """
            {"iss":"https://idp.example.test","sub":"u-alice","aud":"https://as.example.test","client_id":"c-1",
             "jti":"j-1","exp":1900000300,"iat":1900000000,"resource":"https://mcp.example.test/mcp"}
            """;

    /** The header and claims of a JWT example printed as {@code header . claims . signature}. */
    static List<JsonObject> headerAndClaims(String example) {
        String[] parts = example.split("\\R\\s*\\.\\s*\\R");
        return List.of(StrictJson.parseObject(parts[0]).orElseThrow(), StrictJson.parseObject(parts[1]).orElseThrow());
    }

    @Test
    void specExampleIdJagClaims() {
        // draft-ietf-oauth-identity-assertion-authz-grant-03 §3.1
        String example = """
                {
                  "typ": "oauth-id-jag+jwt"
                }
                .
                {
                  "jti": "9e43f81b64a33f20116179",
                  "iss": "https://acme.idp.example",
                  "sub": "U019488227",
                  "aud": "https://acme.chat.example/",
                  "client_id": "f53f191f9311af35",
                  "exp": 1311281970,
                  "iat": 1311280970,
                  "resource": "https://acme.chat.example/api",
                  "scope": "chat.read chat.history",
                  "auth_time": 1311280970,
                  "amr": [
                    "mfa",
                    "phrh",
                    "hwk",
                    "user"
                  ]
                }
                .
                signature
                """;
        List<JsonObject> jwt = headerAndClaims(example);
        IdJagClaims c = IdJagClaims.parse(jwt.get(1)).orElseThrow();

        assertThat(c.toJson()).isEqualTo(jwt.get(1));
        assertThat(IdJagClaims.isIdJagTyp(jwt.get(0).getString("typ"))).isTrue();
        assertThat(c.aud()).isEqualTo("https://acme.chat.example/");
        assertThat(c.resource()).containsExactly(new ResourceIndicator("https://acme.chat.example/api"));
        assertThat(c.scope()).contains(Scope.of("chat.read", "chat.history"));
        assertThat(c.amr()).containsExactly("mfa", "phrh", "hwk", "user");
    }

    @Test
    void specExampleIssuedIdJag() {
        // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.3.4.1
        String example = """
                {
                  "typ": "oauth-id-jag+jwt"
                }
                .
                {
                  "jti": "9e43f81b64a33f20116179",
                  "iss": "https://acme.idp.example/",
                  "sub": "U019488227",
                  "aud": "https://acme.chat.example/",
                  "client_id": "f53f191f9311af35",
                  "exp": 1311281970,
                  "iat": 1311280970,
                  "resource": "https://api.chat.example/",
                  "scope": "chat.read chat.history",
                  "auth_time": 1311280970,
                  "amr": [
                    "mfa",
                    "phrh",
                    "hwk",
                    "user"
                  ]
                }
                .
                signature
                """;
        List<JsonObject> jwt = headerAndClaims(example);
        IdJagClaims c = IdJagClaims.parse(jwt.get(1)).orElseThrow();

        assertThat(c.toJson()).isEqualTo(jwt.get(1));
        assertThat(c.iss()).isEqualTo("https://acme.idp.example/");
        assertThat(c.expiration()).isEqualTo(Instant.ofEpochSecond(1311281970));
    }

    @Test
    void specExampleIdJagWithAuthorizationDetails() {
        // draft-ietf-oauth-identity-assertion-authz-grant-03 §4.3.4.2 (Rich Authorization Requests)
        String example = """
                {
                  "typ": "oauth-id-jag+jwt"
                }
                .
                {
                  "jti": "9e43f81b64a33f20116179",
                  "iss": "https://acme.idp.example/",
                  "sub": "U019488227",
                  "aud": "https://acme.chat.example/",
                  "client_id": "f53f191f9311af35",
                  "exp": 1311281970,
                  "iat": 1311280970,
                  "authorization_details": [
                    {
                      "type": "chat_read",
                      "actions": ["read"],
                      "locations": ["https://api.chat.example/channels"]
                    },
                    {
                      "type": "chat_history",
                      "actions": ["read"],
                      "datatypes": ["message"]
                    }
                  ],
                  "auth_time": 1311280970
                }
                .
                signature
                """;
        List<JsonObject> jwt = headerAndClaims(example);
        IdJagClaims c = IdJagClaims.parse(jwt.get(1)).orElseThrow();

        assertThat(c.toJson()).isEqualTo(jwt.get(1));
        assertThat(c.authorizationDetails()).extracting(d -> d.getString("type"))
                .containsExactly("chat_read", "chat_history");
        assertThat(c.resource()).isEmpty();
    }

    @Test
    void parseWhenAudIsAnArrayOfOneThenAccepted() {
        // §4.4.1: aud MAY be a string or an array containing a single issuer identifier
        IdJagClaims c = IdJagClaims.parse(VALID.replace("\"aud\":\"https://as.example.test\"",
                "\"aud\":[\"https://as.example.test\"]")).orElseThrow();
        assertThat(c.aud()).isEqualTo("https://as.example.test");
    }

    @Test
    void parseWhenAudIsAnArrayOfTwoOrNoneThenViolation() {
        // §4.4.1: if aud is an array, it MUST contain exactly one element (audience injection)
        assertViolation(VALID.replace("\"aud\":\"https://as.example.test\"",
                "\"aud\":[\"https://as.example.test\",\"https://other.example.test\"]"), "/aud");
        assertViolation(VALID.replace("\"aud\":\"https://as.example.test\"", "\"aud\":[]"), "/aud");
        assertViolation(VALID.replace("\"aud\":\"https://as.example.test\"", "\"aud\":7"), "/aud");
    }

    @Test
    void parseWhenRequiredClaimMissingThenViolationForEach() {
        // §3.1: iss, sub, aud, client_id, jti, exp, iat are REQUIRED
        assertThat(IdJagClaims.parse("{}").violations().items()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/iss", "/sub", "/aud", "/client_id", "/jti", "/exp", "/iat");
    }

    @Test
    void parseWhenResourceNotAnAbsoluteUriThenViolation() {
        // §3.1: resource is an RFC 8707 §2 resource identifier: absolute, without a fragment
        assertViolation(VALID.replace("https://mcp.example.test/mcp", "/mcp"), "/resource");
        assertViolation(VALID.replace("\"https://mcp.example.test/mcp\"", "[\"https://a.test\",\"https://b.test#f\"]"),
                "/resource/1");
        IdJagClaims two = IdJagClaims.parse(VALID.replace("\"https://mcp.example.test/mcp\"",
                "[\"https://a.test\",\"https://b.test\"]")).orElseThrow();
        assertThat(two.toJson().get("resource")).isEqualTo(Json.createArrayBuilder().add("https://a.test")
                .add("https://b.test").build());
    }

    @Test
    void parseWhenAuthorizationDetailWithoutTypeThenViolation() {
        // RFC 9396 §2: type is REQUIRED
        assertViolation(VALID.replace("\"jti\":\"j-1\"", "\"jti\":\"j-1\",\"authorization_details\":[{\"x\":1}]"),
                "/authorization_details/0/type");
        assertViolation(VALID.replace("\"jti\":\"j-1\"", "\"jti\":\"j-1\",\"authorization_details\":[1]"),
                "/authorization_details/0");
    }

    @Test
    void parseWhenExpIsAStringThenViolation() {
        // RFC 7519 §2 NumericDate (A-058 applies to every JWT the project reads)
        assertViolation(VALID.replace("\"exp\":1900000300", "\"exp\":\"1900000300\""), "/exp");
    }

    @Test
    void isIdJagTypWhenOtherTypesThenFalse() {
        // §4.4.1: validate that typ is oauth-id-jag+jwt (RFC 8725 §3.11)
        assertThat(IdJagClaims.isIdJagTyp("OAUTH-ID-JAG+JWT")).isTrue();
        assertThat(IdJagClaims.isIdJagTyp("application/oauth-id-jag+jwt")).isTrue();
        for (String other : new String[] {null, "JWT", "at+jwt", "id-jag+jwt", "oauth-id-jag"}) {
            assertThat(IdJagClaims.isIdJagTyp(other)).as(String.valueOf(other)).isFalse();
        }
    }

    @Test
    void builderWhenEveryMemberThenParsesBackEqual() {
        Instant now = Instant.ofEpochSecond(1_900_000_000L);
        IdJagClaims c = IdJagClaims.builder().iss("https://idp.example.test").sub("u-alice")
                .aud("https://as.example.test").clientId("c-1").jti("j-9").iat(now).exp(now.plusSeconds(300))
                .nbf(now).resource(List.of(ResourceIndicator.parse("https://mcp.example.test/mcp")))
                .scope(Scope.of("mcp:tools")).act(Json.createObjectBuilder().add("sub", "agent").build())
                .cnf(Json.createObjectBuilder().add("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I").build())
                .tenant("t1").authentication(now.minusSeconds(5), "urn:acr:mfa", List.of("mfa"))
                .audienceAccount("t9", "ras-user-1").email("alice@example.test")
                .authorizationDetails(List.of(Json.createObjectBuilder().add("type", "chat_read").build()))
                .claim("x", Json.createValue(1)).build();

        assertThat(IdJagClaims.parse(c.toJson()).orElseThrow()).isEqualTo(c);
        assertThat(IdJagClaims.parse(c.toJson().toString()).orElseThrow()).isEqualTo(c);
        assertThat(c.toJson().getString("resource")).isEqualTo("https://mcp.example.test/mcp");
    }

    private static void assertViolation(String json, String pointer) {
        Parsed<IdJagClaims> p = IdJagClaims.parse(json);
        assertThat(p.isValid()).as(json).isFalse();
        assertThat(p.violations().items()).extracting(Violation::pointer).as(json).contains(pointer);
    }
}
