package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.approve;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.authorizeUrl;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.basic;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static dev.lanyard.as.it.Browser.form;
import static dev.lanyard.as.it.Browser.location;
import static dev.lanyard.as.it.Browser.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * The client configuration endpoint (RFC 7592) through a real Open Liberty: read with the registration access token,
 * updates that carry what the server issues, deletion and what stops working after it.
 */
@ExtendWith(ArquillianExtension.class)
class ClientConfigurationIT {

    static final String CB = "https://dcr.example.test/cb";
    static final String CONFIDENTIAL = """
            {"redirect_uris": ["%s"], "token_endpoint_auth_method": "client_secret_basic",
             "grant_types": ["authorization_code", "refresh_token"], "client_name": "Configured"}""".formatted(CB);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-dcr-config-it", false, List.of("lanyard.as.registration.enabled=true",
                "lanyard.as.registration.rate-limit=1000"));
    }

    static HttpResponse<String> send(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Browser.absolute(url)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject registered(String json) throws Exception {
        HttpResponse<String> r = send("POST", "/register", null, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    static void assertNoStore(HttpResponse<String> r) {
        assertThat(Browser.header(r, "Cache-Control")).as(r.uri() + " " + r.statusCode()).contains("no-store");
    }

    static String withMember(String json, String member, String value) {
        return json.substring(0, json.lastIndexOf('}')) + ", \"" + member + "\": " + value + "}";
    }

    @Test
    void readWithTheRegistrationAccessTokenThenCurrentMetadataAndWrongOrNoTokenIs401() throws Exception {
        JsonObject client = registered(CONFIDENTIAL);
        String clientId = client.getString("client_id");
        String token = client.getString("registration_access_token");
        // RFC 7592 §3: the registration response carries the token and the configuration endpoint's URL
        assertThat(client.getString("registration_client_uri"))
                .isEqualTo(TestDeployment.BASE + "/register/" + clientId);
        HttpResponse<String> read = send("GET", client.getString("registration_client_uri"), token, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertNoStore(read);
        JsonObject info = json(read);
        assertThat(info.getString("client_id")).isEqualTo(clientId);
        assertThat(info.getString("client_name")).isEqualTo("Configured");
        assertThat(info.getString("token_endpoint_auth_method")).isEqualTo("client_secret_basic");
        assertThat(info.containsKey("client_secret")).as("kept as a hash, never shown again").isFalse();

        HttpResponse<String> wrong = send("GET", "/register/" + clientId, token + "x", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Browser.header(wrong, "WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertNoStore(wrong);
        assertThat(wrong.body()).doesNotContain(clientId);
        HttpResponse<String> none = send("GET", "/register/" + clientId, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        // RFC 6750 §3.1: no error code when the request had no token
        assertThat(Browser.header(none, "WWW-Authenticate")).isEqualTo("Bearer");
        assertNoStore(none);
        // another client's token does not open this one
        String other = registered(CONFIDENTIAL).getString("registration_access_token");
        assertThat(send("GET", "/register/" + clientId, other, null).statusCode()).isEqualTo(401);
    }

    // RFC 7592 §2, checklist RM-04: another client's registration access token reads, changes and deletes nothing,
    // and is revoked
    @Test
    void anotherClientsTokenIs401ForGetPutAndDeleteAndIsThenRevoked() throws Exception {
        JsonObject victim = registered(CONFIDENTIAL);
        String victimUri = "/register/" + victim.getString("client_id");
        for (String method : List.of("GET", "PUT", "DELETE")) {
            JsonObject attacker = registered(CONFIDENTIAL.replace("Configured", "Attacker " + method));
            String token = attacker.getString("registration_access_token");
            String body = method.equals("PUT") ? withMember(CONFIDENTIAL.replace(CB, "https://evil.example.test/cb"),
                    "client_id", "\"" + victim.getString("client_id") + "\"") : null;
            HttpResponse<String> r = send(method, victimUri, token, body);
            assertThat(r.statusCode()).as(method).isEqualTo(401);
            assertThat(Browser.header(r, "WWW-Authenticate")).as(method).isEqualTo("Bearer error=\"invalid_token\"");
            assertNoStore(r);
            assertThat(r.body()).as(method).doesNotContain(victim.getString("client_id")).doesNotContain("Configured");
            HttpResponse<String> own = send("GET", "/register/" + attacker.getString("client_id"), token, null);
            assertThat(own.statusCode()).as(method + ": the misused token is revoked").isEqualTo(401);
        }
        HttpResponse<String> read = send("GET", victimUri, victim.getString("registration_access_token"), null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).getJsonArray("redirect_uris").getString(0)).isEqualTo(CB);
    }

    // RFC 7592 §2.2, one request each, 400 invalid_request, no change applied
    @Test
    void updateCarryingWhatTheServerIssuesThen400InvalidRequestAndNoChange() throws Exception {
        JsonObject client = registered(CONFIDENTIAL);
        String clientId = client.getString("client_id");
        String token = client.getString("registration_access_token");
        String uri = client.getString("registration_client_uri");
        String update = withMember(CONFIDENTIAL.replace(CB, "https://dcr.example.test/changed"), "client_id",
                "\"" + clientId + "\"");
        for (String[] member : List.of(new String[] {"registration_access_token", "\"" + token + "\""},
                new String[] {"registration_client_uri", "\"" + uri + "\""},
                new String[] {"client_secret_expires_at", "0"},
                new String[] {"client_id_issued_at", client.getJsonNumber("client_id_issued_at").toString()})) {
            HttpResponse<String> r = send("PUT", uri, token, withMember(update, member[0], member[1]));
            assertThat(r.statusCode()).as(member[0] + " " + r.body()).isEqualTo(400);
            assertThat(json(r).getString("error")).isEqualTo("invalid_request");
            assertNoStore(r);
            assertThat(json(send("GET", uri, token, null)).getJsonArray("redirect_uris").getString(0))
                    .as("unchanged after " + member[0]).isEqualTo(CB);
        }
        HttpResponse<String> otherId = send("PUT", uri, token, withMember(CONFIDENTIAL, "client_id", "\"other\""));
        assertThat(otherId.statusCode()).isEqualTo(400);
        // the control: the same update without them is applied
        HttpResponse<String> ok = send("PUT", uri, token, update);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertNoStore(ok);
        assertThat(json(send("GET", uri, token, null)).getJsonArray("redirect_uris").getString(0))
                .isEqualTo("https://dcr.example.test/changed");
    }

    // RFC 7592 §2.3, after DELETE the token, the refresh token and the secret stop working
    @Test
    void deleteThen204AndTheOldTokenRefreshTokenAndSecretAre401() throws Exception {
        JsonObject client = registered(CONFIDENTIAL);
        String clientId = client.getString("client_id");
        String secret = client.getString("client_secret");
        String token = client.getString("registration_access_token");
        Browser b = new Browser();
        CodeVerifier verifier = CodeVerifier.random();
        HttpResponse<String> page = b.authorize(authorizeUrl(clientId, CB, verifier));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String code = query(location(approve(b, page))).get("code");
        HttpResponse<String> tokens = b.post("/token", form("grant_type", "authorization_code", "code", code,
                "redirect_uri", CB, "code_verifier", verifier.value()), "Authorization", basic(clientId, secret));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String refreshToken = json(tokens).getString("refresh_token");

        HttpResponse<String> deleted = send("DELETE", client.getString("registration_client_uri"), token, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertNoStore(deleted);
        HttpResponse<String> read = send("GET", client.getString("registration_client_uri"), token, null);
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(Browser.header(read, "WWW-Authenticate")).contains("Bearer");
        HttpResponse<String> refresh = b.post("/token", form("grant_type", "refresh_token", "refresh_token",
                refreshToken), "Authorization", basic(clientId, secret));
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(401);
        assertThat(json(refresh).getString("error")).isEqualTo("invalid_client");
        assertNoStore(refresh);
        assertThat(send("DELETE", "/register/" + clientId, token, null).statusCode()).isEqualTo(401);
    }
}
