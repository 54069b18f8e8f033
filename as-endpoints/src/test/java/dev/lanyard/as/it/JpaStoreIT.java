package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.LOOPBACK_CB;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.approve;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.authorizeUrl;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.basic;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.introspect;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.redeem;
import static dev.lanyard.as.it.Browser.form;
import static dev.lanyard.as.it.Browser.location;
import static dev.lanyard.as.it.Browser.query;
import static dev.lanyard.as.it.TestDeployment.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lanyard.spec.authz.CodeVerifier;

/**
 * {@code lanyard.as.store=jpa} on a real Open Liberty: the grants module's JPA stores on the application's
 * container-managed persistence context, each store operation in its own JTA transaction. Signing keys, codes,
 * consents, refresh token families, revocations and the replay guard (a unique-key violation inside JTA) all go
 * through the database.
 */
@ExtendWith(ArquillianExtension.class)
class JpaStoreIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-jpa-it", true);
    }

    @Test
    void codeFlowRefreshAndRevocationOnTheDatabase() throws Exception {
        Browser b = new Browser();
        CodeVerifier verifier = CodeVerifier.random();
        HttpResponse<String> back = approve(b, b.authorize(authorizeUrl("pub1", LOOPBACK_CB, verifier)));
        assertThat(back.statusCode()).isEqualTo(303);
        String code = query(location(back)).get("code");
        HttpResponse<String> tokens = redeem(b, "pub1", code, LOOPBACK_CB, verifier);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonObject t = json(tokens);
        // the code is consumed in the database: a second redemption fails and revokes what the first issued
        assertThat(redeem(b, "pub1", code, LOOPBACK_CB, verifier).statusCode()).isEqualTo(400);
        assertThat(introspect(b, t.getString("access_token")).getBoolean("active")).isFalse();
        HttpResponse<String> refreshed = b.post("/token", form("grant_type", "refresh_token", "refresh_token",
                t.getString("refresh_token"), "client_id", "pub1"));
        assertThat(refreshed.statusCode()).isEqualTo(400);

        CodeVerifier v2 = CodeVerifier.random();
        HttpResponse<String> again = approve(b, b.authorize(authorizeUrl("pub1", LOOPBACK_CB, v2)));
        JsonObject t2 = json(redeem(b, "pub1", query(location(again)).get("code"), LOOPBACK_CB, v2));
        HttpResponse<String> rotated = b.post("/token", form("grant_type", "refresh_token", "refresh_token",
                t2.getString("refresh_token"), "client_id", "pub1"));
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(introspect(b, json(rotated).getString("access_token")).getBoolean("active")).isTrue();
        assertThat(b.post("/revoke", form("token", json(rotated).getString("access_token"), "client_id", "pub1"))
                .statusCode()).isEqualTo(200);
        assertThat(introspect(b, json(rotated).getString("access_token")).getBoolean("active")).isFalse();
    }

    @Test
    void anApplicationsConsentPolicyReplacesTheDefault() throws Exception {
        // FirstPartyConsentPolicy, an @Alternative: pub2 is never asked; the consent it implies is still recorded,
        // so that its refresh token works (the grants module requires a standing consent)
        Browser b = new Browser();
        CodeVerifier v = CodeVerifier.random();
        HttpResponse<String> direct = b.authorize(authorizeUrl("pub2", "https://app2.example.test/cb", v));
        assertThat(direct.statusCode()).isEqualTo(302);
        JsonObject t = json(redeem(b, "pub2", query(location(direct)).get("code"), "https://app2.example.test/cb", v));
        HttpResponse<String> refreshed = b.post("/token", form("grant_type", "refresh_token", "refresh_token",
                t.getString("refresh_token"), "client_id", "pub2"));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        // pub1 is still asked
        assertThat(b.authorize(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random())).statusCode()).isEqualTo(200);
    }

    @Test
    void assertionReplayIsDetectedByTheDatabase() throws Exception {
        Browser b = new Browser();
        String assertion = ClientKey.sign("RS256", ClientKey.claims(ISSUER, "jti-jpa-" + System.nanoTime()));
        String body = form("grant_type", "client_credentials", "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion);
        assertThat(b.post("/token", body).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = b.post("/token", body);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(json(replay).getString("error")).isEqualTo("invalid_client");
        HttpResponse<String> cc = b.post("/token", form("grant_type", "client_credentials"), "Authorization",
                basic("cc1", TestDeployment.CC1_SECRET));
        assertThat(cc.statusCode()).isEqualTo(200);
    }
}
