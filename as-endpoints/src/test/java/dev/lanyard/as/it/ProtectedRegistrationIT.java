package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static dev.lanyard.as.it.ClientConfigurationIT.assertNoStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lanyard.grants.client.ClientSecrets;

/**
 * Registration protected by an initial access token (RFC 7591 §3; A-072), with deletion disabled by configuration
 * (RFC 7592 §2.3: 405), through a real Open Liberty.
 */
@ExtendWith(ArquillianExtension.class)
class ProtectedRegistrationIT {

    static final String IAT = "initial-access-token-for-the-it-0123456789";
    static final String PUBLIC = """
            {"redirect_uris": ["https://dcr.example.test/cb"], "token_endpoint_auth_method": "none"}""";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-dcr-protected-it", false, List.of("lanyard.as.registration.enabled=true",
                "lanyard.as.registration.rate-limit=1000",
                "lanyard.as.registration.initial-access-tokens=" + ClientSecrets.hash(IAT),
                "lanyard.as.registration.delete-enabled=false"));
    }

    static HttpResponse<String> register(String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Browser.absolute("/register")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertRefused(HttpResponse<String> r, String challenge) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(Browser.header(r, "WWW-Authenticate")).isEqualTo(challenge);
        assertNoStore(r);
        assertThat(r.body()).doesNotContain("client_id").doesNotContain("registration_access_token");
    }

    // no token, the token in the JSON body, a wrong token: 401 and no client
    @Test
    void registerWithoutAValidInitialAccessTokenInTheHeaderThen401() throws Exception {
        assertRefused(register(null, PUBLIC), "Bearer");
        String inBody = PUBLIC.substring(0, PUBLIC.lastIndexOf('}')) + ", \"initial_access_token\": \"" + IAT
                + "\", \"access_token\": \"" + IAT + "\"}";
        assertRefused(register(null, inBody), "Bearer");
        assertRefused(register("Bearer " + IAT + "x", PUBLIC), "Bearer error=\"invalid_token\"");
        assertThat(json(register("Bearer wrong", PUBLIC)).getString("error")).isEqualTo("invalid_token");
        assertRefused(register("Basic " + Base64.getEncoder().encodeToString(("x:" + IAT).getBytes()),
                PUBLIC), "Bearer error=\"invalid_token\"");
    }

    @Test
    void registerWithTheInitialAccessTokenThen201AndDeletionDisabledIs405() throws Exception {
        HttpResponse<String> r = register("Bearer " + IAT, PUBLIC);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject client = json(r);
        String uri = client.getString("registration_client_uri");
        String rat = client.getString("registration_access_token");
        // the initial access token is not a registration access token
        HttpResponse<String> withIat = HTTP.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + IAT).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withIat.statusCode()).isEqualTo(401);
        HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + rat).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        // deletion unsupported by configuration
        assertThat(delete.statusCode()).isEqualTo(405);
        assertNoStore(delete);
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + rat).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as("still registered").isEqualTo(200);
    }
}
