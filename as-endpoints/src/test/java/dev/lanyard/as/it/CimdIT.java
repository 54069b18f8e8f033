package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.approve;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.authorizeUrl;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.redeem;
import static dev.lanyard.as.it.Browser.location;
import static dev.lanyard.as.it.Browser.query;
import static dev.lanyard.as.it.TestDeployment.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lanyard.cimd.CimdSettings;
import dev.lanyard.spec.authz.CodeVerifier;

/**
 * Client ID Metadata Documents through a real Open Liberty: the documents are served over HTTPS on 127.0.0.1 by the
 * test ({@link DocumentServer}), with the server's CIMD test switch on and the test certificate as its trust store.
 */
@ExtendWith(ArquillianExtension.class)
class CimdIT {

    static final DocumentServer DOCUMENTS = new DocumentServer();
    static final String CB = "https://app.example.test/cimd-cb";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-cimd-it", false, List.of(
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

    /** A public client's document at {@code path}: an https redirect URI and a loopback one. */
    static String publish(String path, String name) {
        String clientId = DOCUMENTS.url(path);
        DOCUMENTS.document(path, """
                {"client_id": "%s", "client_name": "%s", "redirect_uris": ["%s", "http://127.0.0.1/cb"],
                 "token_endpoint_auth_method": "none", "grant_types": ["authorization_code", "refresh_token"]}
                """.formatted(clientId, name, CB));
        return clientId;
    }

    @Test
    void metadataWhenCimdEnabledThenPublishesClientIdMetadataDocumentSupported() throws Exception {
        // CIMD §6 (authorization server metadata)
        HttpResponse<String> r = new Browser().get("/.well-known/oauth-authorization-server");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).getBoolean("client_id_metadata_document_supported")).isTrue();
    }

    @Test
    void codeFlowWithUrlClientIdThenConsentShowsTheDocumentHostAndTheTokensAreIssued() throws Exception {
        String clientId = publish("/apps/flow.json", "Flow Test App");
        Browser b = new Browser();
        CodeVerifier verifier = CodeVerifier.random();
        HttpResponse<String> page = b.authorize(authorizeUrl(clientId, CB, verifier));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        // CIMD §8.5: the host of client_id shown prominently beside the name; MCP: the localhost warning
        String host = URI.create(clientId).getRawAuthority();
        assertThat(page.body()).contains("Flow Test App").contains("<dd class=\"host\">" + host + "</dd>")
                .contains("the name the application gives itself").contains("class=\"warning\"")
                .contains("(localhost)");
        HttpResponse<String> back = approve(b, page);
        assertThat(back.statusCode()).isEqualTo(303);
        Map<String, String> response = query(location(back));
        assertThat(location(back)).startsWith(CB + "?");
        assertThat(response).containsEntry("iss", ISSUER).containsKey("code");
        HttpResponse<String> tokens = redeem(b, clientId, response.get("code"), CB, verifier);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(json(tokens).getString("access_token")).isNotEmpty();
        assertThat(DOCUMENTS.count("/apps/flow.json")).isEqualTo(1);
    }

    @Test
    void authorizeWhenClientIdUrlHasAFragmentThenErrorPageWithoutRedirectAndNoFetch() throws Exception {
        // A-080, CIMD §3: no fragment; zero fetches; an invalid client is never redirected (OAuth 2.1 §4.1.2.1)
        publish("/apps/fragment.json", "Fragment App");
        HttpResponse<String> r = new Browser().get(authorizeUrl(DOCUMENTS.url("/apps/fragment.json") + "#x", CB,
                CodeVerifier.random()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body()).contains("invalid_client");
        assertThat(DOCUMENTS.count("/apps/fragment.json")).isZero();
    }

    @Test
    void authorizeWhenDocumentBreaksARuleThenErrorPageWithoutRedirect() throws Exception {
        // CIMD §4: the document's client_id equals the URL it was fetched from
        DOCUMENTS.document("/apps/mismatch.json", """
                {"client_id": "https://elsewhere.example.test/app.json", "client_name": "X",
                 "redirect_uris": ["%s"], "token_endpoint_auth_method": "none"}
                """.formatted(CB));
        HttpResponse<String> r = new Browser().get(authorizeUrl(DOCUMENTS.url("/apps/mismatch.json"), CB,
                CodeVerifier.random()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body()).contains("invalid_client_metadata");
    }

    @Test
    void authorizeWhenHundredConcurrentRequestsForOneUncachedClientThenOneFetch() throws Exception {
        // CIMD §8.7 (denial of service): concurrent resolutions of one uncached client_id share one fetch
        String clientId = publish("/apps/concurrent.json", "Busy App");
        DOCUMENTS.delay(500);
        try {
            Browser b = new Browser();
            HttpRequest request = HttpRequest.newBuilder(URI.create(Browser.absolute(authorizeUrl(clientId, CB,
                    CodeVerifier.random())))).GET().build();
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                all.add(b.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : all) {
                // the client is valid: every request goes on to the sign-in step
                assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(302);
            }
        } finally {
            DOCUMENTS.delay(0);
        }
        assertThat(DOCUMENTS.count("/apps/concurrent.json")).isEqualTo(1);
    }
}
