package dev.lanyard.spec.claims;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;

class ClientAssertionClaimsTest {

    private static final String ISSUER = "https://authz.example.net";
    private static final String CLIENT = "https://client.example";

    @Test
    void specExampleClientAuthenticationJwt() {
        // draft-ietf-oauth-rfc7523bis-10 §4.1 (Client Authentication JWT Example): claims, then header
        String claims = """
                  {
                    "aud": "https://authz.example.net",
                    "iss": "https://client.example",
                    "sub": "https://client.example",
                    "iat": 1752702206,
                    "exp": 1752705806
                  }
                """;
        String header = """
                  {
                    "typ": "client-authentication+jwt",
                    "alg": "ES256",
                    "kid": "16"
                  }
                """;
        JsonObject original = StrictJson.parseObject(claims).orElseThrow();
        ClientAssertionClaims c = ClientAssertionClaims.parse(original).orElseThrow();

        assertThat(c.toJson()).isEqualTo(original);
        assertThat(c.checkFor(CLIENT, ISSUER).isEmpty()).isTrue();
        assertThat(ClientAssertionClaims.isClientAuthenticationTyp(
                StrictJson.parseObject(header).orElseThrow().getString("typ"))).isTrue();
        assertThat(c.expiration()).isEqualTo(Instant.ofEpochSecond(1752705806));
    }

    @Test
    void specExampleJwtGrantClaimsSet() {
        // draft-ietf-oauth-rfc7523bis-10 §4: the RFC 7523 §4 JWT Claims Set example, as replaced
        String claims = """
                  {
                    "aud": "https://authz.example.net",
                    "iss": "https://jwt-idp.example.com",
                    "sub": "mailto:mike@example.com",
                    "iat": 1731721541,
                    "exp": 1731725141,
                    "http://claims.example.com/member": true
                  }
                """;
        JsonObject original = StrictJson.parseObject(claims).orElseThrow();
        ClientAssertionClaims c = ClientAssertionClaims.parse(original).orElseThrow();

        assertThat(c.toJson()).isEqualTo(original);
        assertThat(c.extensions()).containsOnlyKeys("http://claims.example.com/member");
        // a grant assertion is not a client authentication: iss and sub are not the client
        assertThat(c.checkFor(CLIENT, ISSUER).items()).extracting(Violation::pointer).containsExactly("/iss", "/sub");
    }

    @Test
    void checkForWhenIssOrSubIsNotTheClientThenViolation() {
        // RFC 7523 §3 items 1 and 2: for client authentication, iss and sub MUST be the client_id
        ClientAssertionClaims c = ClientAssertionClaims.of("other-client", ISSUER, Instant.EPOCH,
                Instant.ofEpochSecond(60), "j");
        assertThat(c.checkFor(CLIENT, ISSUER).items()).extracting(Violation::pointer).containsExactly("/iss", "/sub");
    }

    @Test
    void checkForWhenAudIsTheTokenEndpointThenViolation() {
        // draft-ietf-oauth-rfc7523bis-10 §4 (RFC 7523 §3 item 3b), JB-03: the token endpoint URL MUST NOT be used
        assertAudience("\"https://authz.example.net/token.oauth2\"", false);
        assertAudience("[\"https://authz.example.net\",\"https://authz.example.net/token.oauth2\"]", false);
        assertAudience("\"https://authz.example.net/\"", false);
        assertAudience("\"https://AUTHZ.example.net\"", false);
        // the issuer identifier as the sole value, also as an array of one (JB-03)
        assertAudience("\"https://authz.example.net\"", true);
        assertAudience("[\"https://authz.example.net\"]", true);
    }

    @Test
    void parseWhenRequiredClaimMissingThenViolationForEach() {
        // RFC 7523 §3: iss, sub, aud and exp are REQUIRED
        assertThat(ClientAssertionClaims.parse("{\"jti\":\"j\"}").violations().items()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/iss", "/sub", "/aud", "/exp");
    }

    @Test
    void parseWhenDatesOrJtiHaveWrongTypesThenViolation() {
        // RFC 7519 §2, §4.1.7
        Parsed<ClientAssertionClaims> p = ClientAssertionClaims.parse("""
                {"iss":"c","sub":"c","aud":"https://a","exp":"1","nbf":1e300,"iat":null,"jti":5}
                """);
        assertThat(p.violations().items()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/exp", "/nbf", "/iat", "/jti");
    }

    @Test
    void ofWhenBuiltThenParsesBackEqualAndPassesItsOwnCheck() {
        ClientAssertionClaims c = ClientAssertionClaims.of(CLIENT, ISSUER, Instant.ofEpochSecond(1752702206),
                Instant.ofEpochSecond(1752702266), "a3f2");
        assertThat(ClientAssertionClaims.parse(c.toJson().toString()).orElseThrow()).isEqualTo(c);
        assertThat(c.checkFor(CLIENT, ISSUER).isEmpty()).isTrue();
        assertThat(c.toJson().getString("aud")).isEqualTo(ISSUER);
    }

    @Test
    void isClientAuthenticationTypWhenOtherTypeThenFalse() {
        assertThat(ClientAssertionClaims.isClientAuthenticationTyp("application/client-authentication+jwt")).isTrue();
        for (String other : new String[] {null, "JWT", "at+jwt", "logout+jwt", "client-authentication"}) {
            assertThat(ClientAssertionClaims.isClientAuthenticationTyp(other)).as(String.valueOf(other)).isFalse();
        }
    }

    private static void assertAudience(String aud, boolean ok) {
        String json = "{\"iss\":\"" + CLIENT + "\",\"sub\":\"" + CLIENT + "\",\"aud\":" + aud + ",\"exp\":1752705806}";
        ClientAssertionClaims c = ClientAssertionClaims.parse(json).orElseThrow();
        assertThat(c.checkFor(CLIENT, ISSUER).items()).as(aud).extracting(Violation::pointer)
                .isEqualTo(ok ? List.of() : List.of("/aud"));
    }
}
