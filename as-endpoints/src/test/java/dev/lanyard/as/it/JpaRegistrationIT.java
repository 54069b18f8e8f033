package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.approve;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.authorizeUrl;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.redeem;
import static dev.lanyard.as.it.Browser.location;
import static dev.lanyard.as.it.Browser.query;
import static dev.lanyard.as.it.ClientConfigurationIT.registered;
import static dev.lanyard.as.it.ClientConfigurationIT.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lanyard.cimd.CimdSettings;
import dev.lanyard.spec.authz.CodeVerifier;

/**
 * {@code lanyard.as.store=jpa} for dynamically registered clients and the CIMD document cache on a real Open Liberty:
 * both live in the database (tables {@code lanyard_dynamic_client}, {@code lanyard_cimd_document}), through JTA.
 */
@ExtendWith(ArquillianExtension.class)
class JpaRegistrationIT {

    static final DocumentServer DOCUMENTS = new DocumentServer();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-jpa-dcr-it", true, List.of("lanyard.as.registration.enabled=true",
                "lanyard.as.registration.rate-limit=1000",
                "lanyard.as.cimd.enabled=true",
                "lanyard.as.cimd.ack=" + CimdSettings.ACKNOWLEDGED_DRAFT,
                "lanyard.as.cimd.testing.insecure-fetch=true",
                "lanyard.as.cimd.testing.trust-store=" + DocumentServer.STORE.toString().replace("\\", "/"),
                "lanyard.as.cimd.testing.trust-store-password=" + DocumentServer.PASSWORD));
    }

    @AfterAll
    static void stop() {
        DOCUMENTS.close();
    }

    @Test
    void registeredPublicClientIsKeptInTheDatabaseGetsTokensAndIsDeleted() throws Exception {
        String cb = "https://dcr.example.test/cb";
        JsonObject client = registered("""
                {"redirect_uris": ["%s"], "token_endpoint_auth_method": "none",
                 "grant_types": ["authorization_code", "refresh_token"], "client_name": "In the database"}"""
                .formatted(cb));
        String clientId = client.getString("client_id");
        String rat = client.getString("registration_access_token");
        assertThat(json(send("GET", client.getString("registration_client_uri"), rat, null))
                .getString("client_name")).isEqualTo("In the database");
        Browser b = new Browser();
        CodeVerifier verifier = CodeVerifier.random();
        HttpResponse<String> back = approve(b, b.authorize(authorizeUrl(clientId, cb, verifier)));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        HttpResponse<String> tokens = redeem(b, clientId, query(location(back)).get("code"), cb, verifier);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(send("DELETE", "/register/" + clientId, rat, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/register/" + clientId, rat, null).statusCode()).isEqualTo(401);
        HttpResponse<String> refresh = b.post("/token", Browser.form("grant_type", "refresh_token",
                "refresh_token", json(tokens).getString("refresh_token"), "client_id", clientId));
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(401);
        assertThat(json(refresh).getString("error")).isEqualTo("invalid_client");
    }

    @Test
    void cimdDocumentIsCachedInTheDatabase() throws Exception {
        String cb = "https://app.example.test/cimd-cb";
        String clientId = DOCUMENTS.url("/apps/jpa.json");
        DOCUMENTS.document("/apps/jpa.json", """
                {"client_id": "%s", "client_name": "Cached in the store", "redirect_uris": ["%s"],
                 "token_endpoint_auth_method": "none"}""".formatted(clientId, cb));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> page = new Browser().authorize(authorizeUrl(clientId, cb, CodeVerifier.random()));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("Cached in the store");
        }
        // the only cache is the database table: a failed write or read would have fetched again
        assertThat(DOCUMENTS.count("/apps/jpa.json")).isEqualTo(1);
    }
}
