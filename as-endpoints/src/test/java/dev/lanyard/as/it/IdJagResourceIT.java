package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.basic;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static dev.lanyard.as.it.Browser.form;
import static dev.lanyard.as.it.TestDeployment.ISSUER;
import static dev.lanyard.as.it.TestDeployment.RS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import com.sun.net.httpserver.HttpServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lanyard.discovery.publish.AuthorizationServerMetadataFactory;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.dpop.DpopKey;
import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.memory.InMemorySigningKeyStore;
import dev.lanyard.spec.claims.IdJagClaims;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.ref.Specs;

/**
 * The resource authorization server role of Cross App Access on a real Open Liberty: it trusts an IdP the test serves
 * on 127.0.0.1 (its RFC 8414 metadata and JWK set over plain http, allowed by the loopback switch), finds its keys
 * through discovery, and redeems the ID-JAGs the test signs with that IdP's keys.
 */
@ExtendWith(ArquillianExtension.class)
class IdJagResourceIT {

    static final SigningKeys IDP_KEYS = SigningKeys.stored(new InMemorySigningKeyStore(), SigningKeyPolicy.defaults(),
            Clock.systemUTC());
    static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    static final HttpServer IDP = idp();
    static final String IDP_ISSUER = "http://127.0.0.1:" + IDP.getAddress().getPort();
    static final String AGENT_SECRET = "agent-at-as-secret-0123456789-abcdefghij";

    @Deployment(testable = false)
    static WebArchive deployment() {
        List<String> config = new java.util.ArrayList<>(TestDeployment.protectedApiConfig());
        config.addAll(List.of(
                "lanyard.as.clients=pub1,pub2,conf1,conf2,multi,cc1,brute,boom,pkj1,agent-at-as",
                "lanyard.as.client.agent-at-as.secret-hash=" + ClientSecrets.hash(AGENT_SECRET),
                "lanyard.as.client.agent-at-as.grant-types=" + GrantType.JWT_BEARER.value(),
                "lanyard.as.client.agent-at-as.scopes=items:read items:write",
                "lanyard.as.fetch.allow-loopback=true",
                "lanyard.as.id-jag.enabled=true",
                "lanyard.as.id-jag.ack=" + Specs.ID_JAG,
                "lanyard.as.id-jag.trusted-issuers=" + IDP_ISSUER));
        return TestDeployment.withProtectedApi(TestDeployment.war("as-idjag-rs-it", false, config));
    }

    @AfterAll
    static void stop() {
        IDP.stop(0);
    }

    private static HttpServer idp() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            String metadata = AuthorizationServerMetadataFactory.forIssuer(issuer).endpoints(
                    URI.create(issuer + "/authorize"), URI.create(issuer + "/token"), URI.create(issuer + "/jwks"))
                    .build().toJson().toString();
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                String body = switch (path) {
                    case "/.well-known/oauth-authorization-server" -> metadata;
                    case "/jwks" -> {
                        JWKS_FETCHES.incrementAndGet();
                        yield IDP_KEYS.publicJwksJson();
                    }
                    default -> null;
                };
                byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ID-JAG of the test IdP for {@code agent-at-as} at the Liberty server, with {@code aud}. */
    static String idJag(String aud) {
        Instant now = Instant.now();
        IdJagClaims claims = IdJagClaims.builder().iss(IDP_ISSUER).sub("u-alice").aud(aud).clientId("agent-at-as")
                .jti(UUID.randomUUID().toString()).iat(now).exp(now.plusSeconds(240))
                .resource(List.of(new ResourceIndicator(RS))).scope(Scope.of("items:read")).build();
        return IDP_KEYS.sign(IdJagClaims.TYP, claims.toJson().toString());
    }

    static HttpResponse<String> redeem(String assertion) throws Exception {
        return new Browser().post("/token", form("grant_type", GrantType.JWT_BEARER.value(), "assertion", assertion),
                "Authorization", basic("agent-at-as", AGENT_SECRET));
    }

    static HttpResponse<String> redeem(String assertion, String dpopProof) throws Exception {
        return new Browser().post("/token", form("grant_type", GrantType.JWT_BEARER.value(), "assertion", assertion),
                "Authorization", basic("agent-at-as", AGENT_SECRET), "DPoP", dpopProof);
    }

    static JsonObject claims(String jwt) {
        return dev.lanyard.spec.core.StrictJson.parseObject(new String(Base64.getUrlDecoder().decode(
                jwt.split("\\.")[1]), StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void redeemThenAccessTokenForTheResourceWithoutRefreshTokenAndReplayIsInvalidGrant() throws Exception {
        String assertion = idJag(ISSUER);
        HttpResponse<String> r = redeem(assertion);
        // ID-JAG §4.4.1: an access token for the granted resource; §4.4.3: no refresh token
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject tokens = json(r);
        assertThat(tokens.getString("token_type")).isEqualToIgnoringCase("Bearer");
        assertThat(tokens.containsKey("refresh_token")).isFalse();
        JsonObject at = claims(tokens.getString("access_token"));
        assertThat(at.getString("iss")).isEqualTo(ISSUER);
        assertThat(at.toString()).contains("\"aud\":\"" + RS + "\"");
        assertThat(at.getString("sub")).isEqualTo("u-alice");
        assertThat(at.getString("scope")).isEqualTo("items:read");
        assertThat(JWKS_FETCHES.get()).isPositive();
        // the token opens the protected resource it is for, without any consent page (Cross App Access)
        HttpResponse<String> api = new Browser().get("/api/items", "Authorization",
                "Bearer " + tokens.getString("access_token"));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).isEqualTo("items of u-alice for agent-at-as");
        assertThat(new Browser().get("/api/items").statusCode()).isEqualTo(401);
        // one-time use (lanyard.as.id-jag.one-time-use, default true)
        HttpResponse<String> again = redeem(assertion);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void redeemWhenTheIdJagIsForAnotherServerThenInvalidGrant() throws Exception {
        HttpResponse<String> r = redeem(idJag("https://other-as.example.test"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void metadataPublishesTheIdJagProfileButNotTheTrustedIssuer() throws Exception {
        HttpResponse<String> r = new Browser().get("/.well-known/oauth-authorization-server");
        assertThat(json(r).getJsonArray("authorization_grant_profiles_supported").getString(0))
                .isEqualTo("urn:ietf:params:oauth:grant-profile:id-jag");
        assertThat(r.body()).doesNotContain(IDP_ISSUER).doesNotContain("127.0.0.1:" + IDP.getAddress().getPort());
    }

    @Test
    void redeemWhenTheIdJagHasCnfThenOnlyWithAProofOfThatKey() throws Exception {
        // ID-JAG §8.6 at the Liberty resource AS: the DPoP header reaches the JWT bearer grant
        DpopKey key = DpopKey.generate(Clock.systemUTC());
        Instant now = Instant.now();
        String bound = IDP_KEYS.sign(IdJagClaims.TYP, IdJagClaims.builder().iss(IDP_ISSUER).sub("u-alice")
                .aud(ISSUER).clientId("agent-at-as").jti(UUID.randomUUID().toString()).iat(now)
                .exp(now.plusSeconds(240)).resource(List.of(new ResourceIndicator(RS))).scope(Scope.of("items:read"))
                .cnf(jakarta.json.Json.createObjectBuilder().add("jkt", key.thumbprint()).build()).build().toJson()
                .toString());
        URI token = URI.create(ISSUER + "/token");
        HttpResponse<String> none = redeem(bound);
        assertThat(none.statusCode()).as(none.body()).isEqualTo(400);
        assertThat(json(none).getString("error")).isEqualTo("invalid_grant");
        HttpResponse<String> other = redeem(bound, DpopKey.generate(Clock.systemUTC()).proof("POST", token));
        assertThat(json(other).getString("error")).isEqualTo("invalid_grant");
        HttpResponse<String> forged = redeem(bound, "not.a.proof");
        assertThat(json(forged).getString("error")).isEqualTo("invalid_dpop_proof");
        assertThat(forged.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("no-store"));
        HttpResponse<String> ok = redeem(bound, key.proof("POST", token));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).getString("token_type")).isEqualToIgnoringCase("Bearer");
    }
}
