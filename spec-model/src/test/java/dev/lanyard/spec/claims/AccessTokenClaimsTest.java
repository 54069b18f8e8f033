package dev.lanyard.spec.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;

class AccessTokenClaimsTest {

    /** A valid claim set the negative tests break one member at a time. */
    static final String VALID = """
            {"iss":"https://as.example.test","exp":1900000000,"aud":"https://rs.example.test/api","sub":"u-alice",
             "client_id":"pub1","iat":1899999700,"jti":"j-1"}
            """;

    @Test
    void specExampleRfc9068Figure2() {
        // RFC 9068 §3, Figure 2: "The Header and JWT Claims Set of a JWT Access Token"
        String header = """
                {"typ":"at+JWT","alg":"RS256","kid":"RjEwOwOA"}
                """;
        String claims = """
                {
                  "iss": "https://authorization-server.example.com/",
                  "sub": "5ba552d67",
                  "aud":   "https://rs.example.com/",
                  "exp": 1639528912,
                  "iat": 1618354090,
                  "jti" : "dbe39bf3a3ba4238a513f51d6e1691c4",
                  "client_id": "s6BhdRkqt3",
                  "scope": "openid profile reademail"
                }
                """;
        JsonObject original = StrictJson.parseObject(claims).orElseThrow();
        AccessTokenClaims c = AccessTokenClaims.parse(original).orElseThrow();

        assertThat(c.toJson()).isEqualTo(original);
        assertThat(c.aud()).containsExactly("https://rs.example.com/");
        assertThat(c.scope()).contains(Scope.of("openid", "profile", "reademail"));
        assertThat(c.expiration()).isEqualTo(Instant.ofEpochSecond(1639528912));
        // RFC 9068 §4: "at+JWT" is the media type at+jwt, compared case-insensitively
        String typ = ((JsonString) StrictJson.parseObject(header).orElseThrow().get("typ")).getString();
        assertThat(AccessTokenClaims.isAccessTokenTyp(typ)).isTrue();
    }

    @Test
    void isAccessTokenTypWhenOtherTypesThenFalse() {
        // A-054, RFC 9068 §4: ID tokens (typ JWT), absent typ, logout tokens are refused; application/at+jwt is fine
        assertThat(AccessTokenClaims.isAccessTokenTyp("application/at+jwt")).isTrue();
        assertThat(AccessTokenClaims.isAccessTokenTyp("Application/AT+JWT")).isTrue();
        for (String other : new String[] {null, "JWT", "logout+jwt", "", "at+jwt ", " at+jwt", "at+jwt;x=1",
                "application/jwt", "application/at+jwt+x", "appl\u0131cation/at+jwt", "application at+jwt",
                "text/at+jwt", "at+jw\u0074\u0000"}) {
            assertThat(AccessTokenClaims.isAccessTokenTyp(other)).as(String.valueOf(other)).isFalse();
        }
    }

    @Test
    void parseWhenEveryMemberThenRoundTripKeepsUnknownClaims() {
        String json = """
                {"iss":"https://as.example.test","exp":1900000000,"aud":["https://a.test","https://b.test"],
                 "sub":"u-alice","client_id":"pub1","iat":1899999700,"jti":"j-1","nbf":1899999700,
                 "auth_time":1899999000,"acr":"urn:mace:incommon:iap:silver","amr":["pwd","otp"],
                 "scope":"items:read items:write","groups":[{"value":"g1","display":"Finance"}],
                 "roles":["admin"],"entitlements":[{"value":"e"}],"act":{"sub":"agent-7","act":{"sub":"svc"}},
                 "cnf":{"jkt":"abc"},"tenant":"t1"}
                """;
        JsonObject original = StrictJson.parseObject(json).orElseThrow();
        AccessTokenClaims c = AccessTokenClaims.parse(original).orElseThrow();

        assertThat(c.toJson()).isEqualTo(original);
        assertThat(c.aud()).containsExactly("https://a.test", "https://b.test");
        assertThat(c.act().orElseThrow().getString("sub")).isEqualTo("agent-7");
        assertThat(c.extensions()).containsOnlyKeys("cnf", "tenant");
        assertThat(AccessTokenClaims.parse(c.toJson()).orElseThrow()).isEqualTo(c);
        assertThat(AccessTokenClaims.parse(c.toJson().toString()).orElseThrow()).isEqualTo(c);
    }

    @Test
    void parseWhenExpIsAStringThenViolation() {
        // A-058, RFC 9068 §2.2 / RFC 7519 §2: exp is a NumericDate, a JSON number
        assertViolation(VALID.replace("\"exp\":1900000000", "\"exp\":\"9999999999\""), "/exp");
    }

    @Test
    void parseWhenExpOutOfRangeThenViolation() {
        // exp = 1e300 is no usable time
        assertViolation(VALID.replace("\"exp\":1900000000", "\"exp\":1e300"), "/exp");
        assertViolation(VALID.replace("\"exp\":1900000000", "\"exp\":-1"), "/exp");
        assertViolation(VALID.replace("\"exp\":1900000000", "\"exp\":99999999999999999999999"), "/exp");
        assertViolation(VALID.replace("\"exp\":1900000000", "\"exp\":1e999999999"), "/exp");
        // the last second of year 9999 is the largest NumericDate, as a whole number or with a fraction
        assertViolation(VALID.replace("\"exp\":1900000000", "\"exp\":253402300800"), "/exp");
        assertViolation(VALID.replace("\"exp\":1900000000", "\"exp\":253402300799.5"), "/exp");
        assertThat(AccessTokenClaims.parse(VALID.replace("\"exp\":1900000000", "\"exp\":253402300799")).orElseThrow()
                .exp()).isEqualTo(253_402_300_799L);
    }

    @Test
    void parseWhenNumericDateHasAFractionThenFloored() {
        // RFC 7519 §2: a NumericDate may be non-integer
        AccessTokenClaims c = AccessTokenClaims.parse(VALID.replace("\"exp\":1900000000", "\"exp\":1.9e9"))
                .orElseThrow();
        assertThat(c.exp()).isEqualTo(1_900_000_000L);
        assertThat(AccessTokenClaims.parse(VALID.replace("\"iat\":1899999700", "\"iat\":1899999700.75")).orElseThrow()
                .iat()).isEqualTo(1_899_999_700L);
        // a tiny number with a huge scale is read at once, not by dividing by 10^999999999
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(AccessTokenClaims.parse(
                VALID.replace("\"iat\":1899999700", "\"iat\":1e-999999999")).orElseThrow().iat()).isZero());
    }

    @Test
    void parseWhenRequiredClaimMissingThenViolationForEach() {
        // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti are REQUIRED (A-057: aud missing; A-058: exp missing)
        Parsed<AccessTokenClaims> p = AccessTokenClaims.parse("{}");
        assertThat(p.violations().items()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/iss", "/exp", "/aud", "/sub", "/client_id", "/iat", "/jti");
        assertThat(p.violations().items()).allSatisfy(v -> assertThat(v.rule().toString()).isEqualTo("RFC 9068 §2.2"));
    }

    @Test
    void parseWhenAudienceMalformedThenViolation() {
        // A-057 parsing aspects, RFC 7519 §4.1.3: a string or an array of strings
        assertViolation(VALID.replace("\"aud\":\"https://rs.example.test/api\"", "\"aud\":[]"), "/aud");
        assertViolation(VALID.replace("\"aud\":\"https://rs.example.test/api\"", "\"aud\":[1]"), "/aud/0");
        assertViolation(VALID.replace("\"aud\":\"https://rs.example.test/api\"", "\"aud\":\"\""), "/aud");
        assertViolation(VALID.replace("\"aud\":\"https://rs.example.test/api\"", "\"aud\":{}"), "/aud");
    }

    @Test
    void hasAudienceWhenComparedThenExactly() {
        // audiences are compared exactly; a trailing slash is another audience
        AccessTokenClaims one = AccessTokenClaims.parse(VALID).orElseThrow();
        assertThat(one.hasAudience("https://rs.example.test/api")).isTrue();
        assertThat(one.hasAudience("https://rs.example.test/api/")).isFalse();
        AccessTokenClaims two = AccessTokenClaims.parse(VALID.replace("\"aud\":\"https://rs.example.test/api\"",
                "\"aud\":[\"https://rs2.example.test\",\"https://rs.example.test/api\"]")).orElseThrow();
        assertThat(two.hasAudience("https://rs.example.test/api")).isTrue();
        assertThat(two.toJson().get("aud")).isEqualTo(Json.createArrayBuilder().add("https://rs2.example.test")
                .add("https://rs.example.test/api").build());
    }

    @Test
    void parseWhenOptionalClaimsHaveWrongTypesThenViolationEach() {
        // RFC 9068 §2.2.1, §2.2.3, §2.2.3.1; RFC 8693 §4.1
        String json = VALID.replace("\"jti\":\"j-1\"", "\"jti\":\"j-1\",\"auth_time\":\"1\",\"acr\":1,\"amr\":\"pwd\","
                + "\"scope\":\"a  b\",\"groups\":\"g\",\"roles\":{},\"entitlements\":1,\"act\":\"x\",\"nbf\":true");
        assertThat(AccessTokenClaims.parse(json).violations().items()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/auth_time", "/acr", "/amr", "/scope", "/groups", "/roles",
                        "/entitlements", "/act", "/nbf");
    }

    @Test
    void parseWhenScopeMalformedThenViolation() {
        // RFC 6749 §3.3: scope-token *( SP scope-token ), scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
        for (String bad : List.of(" a", "a ", "a\\\\b", "a\\\"b", "a\\tb", "caf\u00e9")) {
            assertViolation(VALID.replace("\"jti\":\"j-1\"", "\"jti\":\"j-1\",\"scope\":\"" + bad + "\""), "/scope");
        }
        AccessTokenClaims empty = AccessTokenClaims.parse(VALID.replace("\"jti\":\"j-1\"",
                "\"jti\":\"j-1\",\"scope\":\"\"")).orElseThrow();
        assertThat(empty.scope()).contains(Scope.of());
        assertThat(empty.toJson().getString("scope")).isEmpty();
    }

    @Test
    void parseWhenJsonTextMalformedOrDuplicateMemberThenViolation() {
        // INP-04: duplicate member names are refused
        assertThat(AccessTokenClaims.parse(VALID.replace("\"sub\":\"u-alice\"", "\"sub\":\"u-alice\",\"sub\":\"x\""))
                .isValid()).isFalse();
        assertThat(AccessTokenClaims.parse("[]").isValid()).isFalse();
    }

    @Test
    void builderWhenBuiltThenParsesBackEqual() {
        Instant now = Instant.ofEpochSecond(1_900_000_000L);
        AccessTokenClaims c = AccessTokenClaims.builder().iss("https://as.example.test")
                .aud("https://rs.example.test/api").sub("u-alice").clientId("pub1").iat(now)
                .exp(now.plusSeconds(300)).jti("j-2")
                .scope(Scope.of("items:read")).authentication(now.minusSeconds(60), null, List.of("pwd"))
                .claim("tenant", Json.createValue("t1")).build();

        assertThat(AccessTokenClaims.parse(c.toJson()).orElseThrow()).isEqualTo(c);
        assertThat(c.toJson().getString("aud")).isEqualTo("https://rs.example.test/api");
        assertThat(c.issuedAt()).isEqualTo(now);
    }

    @Test
    void constructorWhenInvariantBrokenThenIllegalArgument() {
        assertThatThrownBy(() -> AccessTokenClaims.builder().iss("i").aud().sub("s").clientId("c")
                .iat(Instant.EPOCH).exp(Instant.EPOCH).jti("j").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokenClaims.builder().iss("i").aud("a").sub("s").clientId("c")
                .iat(Instant.EPOCH).exp(Instant.MAX).jti("j").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokenClaims.builder().iss("i").aud("a").sub("s").clientId("c")
                .iat(Instant.EPOCH).exp(Instant.EPOCH).jti("j").claim("scope", Json.createValue("x")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokenClaims.builder().iss("i").aud("a").sub("s").clientId("c").jti("j").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokenClaims.builder().aud("a").sub("s").clientId("c").jti("j")
                .iat(Instant.EPOCH).exp(Instant.EPOCH).build()).isInstanceOf(NullPointerException.class);
    }

    private static void assertViolation(String json, String pointer) {
        Parsed<AccessTokenClaims> p = AccessTokenClaims.parse(json);
        assertThat(p.isValid()).as(json).isFalse();
        assertThat(p.violations().items()).extracting(Violation::pointer).as(json).contains(pointer);
    }
}
