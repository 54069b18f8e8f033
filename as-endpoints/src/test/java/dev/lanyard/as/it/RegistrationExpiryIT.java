package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.approve;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.authorizeUrl;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.basic;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static dev.lanyard.as.it.Browser.form;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lanyard.spec.authz.CodeVerifier;

/**
 * Unused registrations expire (issue 6: a client that never completed a token request within the configured time is
 * deleted) through a real Open Liberty: the first token, issued at the token endpoint, keeps a client.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrationExpiryIT {

    static final long TTL_SECONDS = 5;
    static final String CB = "https://dcr.example.test/cb";
    static final String CONFIDENTIAL = """
            {"redirect_uris": ["%s"], "token_endpoint_auth_method": "client_secret_basic",
             "grant_types": ["authorization_code", "refresh_token"], "client_name": "%s"}""";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-dcr-expiry-it", false, List.of("lanyard.as.registration.enabled=true",
                "lanyard.as.registration.rate-limit=1000",
                "lanyard.as.registration.unused-ttl=PT" + TTL_SECONDS + "S"));
    }

    /** The code flow for {@code client}: sign-in, consent, code, token (authenticated with its secret). */
    static HttpResponse<String> tokens(JsonObject client) throws Exception {
        Browser b = new Browser();
        CodeVerifier verifier = CodeVerifier.random();
        HttpResponse<String> page = b.authorize(authorizeUrl(client.getString("client_id"), CB, verifier));
        if (page.statusCode() != 200) {
            return page;
        }
        String code = query(location(approve(b, page))).get("code");
        return b.post("/token", form("grant_type", "authorization_code", "code", code, "redirect_uri", CB,
                "code_verifier", verifier.value()), "Authorization", secret(client));
    }

    static String secret(JsonObject client) {
        return basic(client.getString("client_id"), client.getString("client_secret"));
    }

    @Test
    void registrationWithoutATokenWithinTheTtlIsDeletedAndOneThatGotATokenStays() throws Exception {
        JsonObject used = registered(CONFIDENTIAL.formatted(CB, "used"));
        HttpResponse<String> first = tokens(used);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonObject unused = registered(CONFIDENTIAL.formatted(CB, "unused"));
        Thread.sleep((TTL_SECONDS + 1) * 1000);
        HttpResponse<String> gone = send("GET", unused.getString("registration_client_uri"),
                unused.getString("registration_access_token"), null);
        assertThat(gone.statusCode()).as("expired unused").isEqualTo(401);
        // its secret no longer authenticates anything
        HttpResponse<String> token = new Browser().post("/token", form("grant_type", "refresh_token",
                "refresh_token", "x"), "Authorization", secret(unused));
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(json(token).getString("error")).isEqualTo("invalid_client");
        assertThat(send("GET", used.getString("registration_client_uri"), used.getString("registration_access_token"),
                null).statusCode()).isEqualTo(200);
        HttpResponse<String> refreshed = new Browser().post("/token", form("grant_type", "refresh_token",
                "refresh_token", json(first).getString("refresh_token")), "Authorization", secret(used));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }
}
