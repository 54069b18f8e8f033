package dev.lanyard.spec.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.testing.Mutations;

/** Claim-set parsers return {@link Parsed} for every input, never throw, and what they accept round-trips. */
class ClaimsPropertyTest {

    private static final List<String> ACCESS_TOKENS = List.of(AccessTokenClaimsTest.VALID, """
            {"iss":"https://authorization-server.example.com/","sub":"5ba552d67","aud":["https://rs.example.com/"],
             "exp":1639528912,"iat":1618354090,"jti":"dbe39bf3a3ba4238a513f51d6e1691c4","client_id":"s6BhdRkqt3",
             "scope":"openid profile reademail","auth_time":1618354000,"acr":"1","amr":["pwd"],"nbf":1618354090,
             "groups":[{"value":"g"}],"roles":["r"],"entitlements":[],"act":{"sub":"a"},"x":[1,{"y":null}]}
            """);

    private static final List<String> ID_JAGS = List.of(IdJagClaimsTest.VALID, """
            {"jti":"9e43f81b64a33f20116179","iss":"https://acme.idp.example","sub":"U019488227",
             "aud":["https://acme.chat.example/"],"client_id":"f53f191f9311af35","exp":1311281970,"iat":1311280970,
             "resource":["https://acme.chat.example/api","https://b.example"],"scope":"chat.read chat.history",
             "auth_time":1311280970,"amr":["mfa","hwk"],"tenant":"t","aud_tenant":"t2","aud_sub":"s2",
             "email":"a@b.example","cnf":{"jkt":"x"},"authorization_details":[{"type":"chat_read"}]}
            """);

    private static final List<String> CLIENT_ASSERTIONS = List.of("""
            {"aud":"https://authz.example.net","iss":"https://client.example","sub":"https://client.example",
             "iat":1752702206,"exp":1752705806,"jti":"j","nbf":1752702206}
            """, """
            {"aud":["https://authz.example.net","x"],"iss":"i","sub":"s","exp":1731725141,
             "http://claims.example.com/member":true}
            """);

    private static final List<String> ID_TOKENS = List.of("""
            {"iss":"https://server.example.com","sub":"24400320","aud":"s6BhdRkqt3","nonce":"n-0S6_WzA2Mj",
             "exp":1311281970,"iat":1311280970,"auth_time":1311280969,"acr":"urn:mace:incommon:iap:silver"}
            """, """
            {"iss":"i","sub":"s","aud":["a","b"],"azp":"a","exp":2,"iat":1,"amr":["pwd","otp"],"email":"e"}
            """);

    @Test
    void accessTokenClaimsParseNeverThrows() {
        assertProperty(7519L, ACCESS_TOKENS, AccessTokenClaims::parse, AccessTokenClaims::toJson,
                AccessTokenClaims::parse);
    }

    @Test
    void idJagClaimsParseNeverThrows() {
        assertProperty(8693L, ID_JAGS, IdJagClaims::parse, IdJagClaims::toJson, IdJagClaims::parse);
    }

    @Test
    void clientAssertionClaimsParseNeverThrows() {
        assertProperty(7523L, CLIENT_ASSERTIONS, ClientAssertionClaims::parse, ClientAssertionClaims::toJson,
                ClientAssertionClaims::parse);
    }

    @Test
    void idTokenClaimsParseNeverThrows() {
        assertProperty(1_0L, ID_TOKENS, IdTokenClaims::parse, IdTokenClaims::toJson, IdTokenClaims::parse);
    }

    private static <T> void assertProperty(long seed, List<String> seeds, Function<String, Parsed<T>> parser,
            Function<T, jakarta.json.JsonObject> toJson, Function<jakarta.json.JsonObject, Parsed<T>> reparse) {
        List<String> inputs = Mutations.of(seed, 10_000, seeds);
        int[] valid = {0};
        Mutations.assertOnlyDocumentedFailures(inputs, s -> parser.apply(s).toOptional().ifPresent(value -> {
            valid[0]++;
            assertThat(reparse.apply(toJson.apply(value)).orElseThrow()).isEqualTo(value);
        }));
        assertThat(valid[0]).as("inputs accepted").isGreaterThan(300);
    }
}
