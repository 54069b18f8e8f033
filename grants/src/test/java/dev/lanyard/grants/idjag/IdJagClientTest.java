package dev.lanyard.grants.idjag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.dpop.DpopKey;
import dev.lanyard.grants.dpop.DpopProofVerifier;
import dev.lanyard.grants.idjag.IdJagClientException.Leg;
import dev.lanyard.grants.store.memory.InMemoryReplayGuard;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.TokenErrorResponse;
import dev.lanyard.spec.token.TokenResponse;

class IdJagClientTest {

    private static final String RAS = "https://as.example.test";
    private static final ResourceIndicator RS = new ResourceIndicator("https://rs.example.test/api");
    private static final AccessTokenResponse ID_JAG = new AccessTokenResponse("the.id.jag", "N_A", Optional.of(300L),
            Optional.empty(), Optional.of(Scope.of("items:read")), Optional.of(TokenTypeUri.ID_JAG), Optional.empty(),
            Map.of());
    private static final AccessTokenResponse BEARER = AccessTokenResponse.of("the.access.token", "Bearer", 300);

    private final List<FormParameters> idpForms = new ArrayList<>();
    private final List<FormParameters> rasForms = new ArrayList<>();

    private IdJagClient client(TokenResponse idp, TokenResponse ras) {
        return new IdJagClient(form -> {
            idpForms.add(form);
            return idp;
        }, form -> {
            rasForms.add(form);
            return ras;
        });
    }

    @Test
    void accessTokenWhenBothLegsSucceedThenExchangeThenJwtBearerForms() {
        AccessTokenResponse r = client(ID_JAG, BEARER).accessToken(RAS, List.of(RS), Optional.of(Scope.of(
                "items:read", "items:write")), "the.id.token", TokenTypeUri.ID_TOKEN);
        assertThat(r).isEqualTo(BEARER);
        // ID-JAG §4.3: the token exchange request of the profile
        FormParameters exchange = idpForms.get(0);
        assertThat(exchange.get("grant_type")).contains("urn:ietf:params:oauth:grant-type:token-exchange");
        assertThat(exchange.get("requested_token_type")).contains(TokenTypeUri.ID_JAG.value());
        assertThat(exchange.get("audience")).contains(RAS);
        assertThat(exchange.get("resource")).contains(RS.value());
        assertThat(exchange.get("scope")).contains("items:read items:write");
        assertThat(exchange.get("subject_token")).contains("the.id.token");
        assertThat(exchange.get("subject_token_type")).contains(TokenTypeUri.ID_TOKEN.value());
        // ID-JAG §4.4: the JWT bearer grant with the ID-JAG as assertion
        FormParameters bearer = rasForms.get(0);
        assertThat(bearer.get("grant_type")).contains("urn:ietf:params:oauth:grant-type:jwt-bearer");
        assertThat(bearer.get("assertion")).contains("the.id.jag");
    }

    @Test
    void requestIdJagWhenNotAnIdJagThenIdpLegFails() {
        // ID-JAG §4.3.4: issued_token_type id-jag REQUIRED; an access token is refused
        AccessTokenResponse accessToken = new AccessTokenResponse("x", "Bearer", Optional.of(300L), Optional.empty(),
                Optional.empty(), Optional.of(TokenTypeUri.ACCESS_TOKEN), Optional.empty(), Map.of());
        for (AccessTokenResponse wrong : List.of(accessToken, BEARER)) {
            assertThatThrownBy(() -> client(wrong, BEARER).requestIdJag(RAS, List.of(RS), Optional.empty(), "t",
                    TokenTypeUri.ID_TOKEN)).isInstanceOfSatisfying(IdJagClientException.class, e -> {
                        assertThat(e.leg()).isEqualTo(Leg.IDENTITY_PROVIDER);
                        assertThat(e.error()).isEmpty();
                    });
        }
        assertThat(rasForms).isEmpty();
    }

    @Test
    void accessTokenWhenAServerAnswersAnErrorThenItsLegAndError() {
        TokenErrorResponse refused = new TokenErrorResponse(OAuthError.INVALID_TARGET);
        assertThatThrownBy(() -> client(refused, BEARER).accessToken(RAS, List.of(RS), Optional.empty(), "t",
                TokenTypeUri.ID_TOKEN)).isInstanceOfSatisfying(IdJagClientException.class, e -> {
                    assertThat(e.leg()).isEqualTo(Leg.IDENTITY_PROVIDER);
                    assertThat(e.error()).contains(OAuthError.INVALID_TARGET);
                });
        TokenErrorResponse invalidGrant = new TokenErrorResponse(OAuthError.INVALID_GRANT);
        assertThatThrownBy(() -> client(ID_JAG, invalidGrant).accessToken(RAS, List.of(RS), Optional.empty(), "t",
                TokenTypeUri.ID_TOKEN)).isInstanceOfSatisfying(IdJagClientException.class, e -> {
                    assertThat(e.leg()).isEqualTo(Leg.RESOURCE_AUTHORIZATION_SERVER);
                    assertThat(e.error()).contains(OAuthError.INVALID_GRANT);
                });
    }

    @Test
    void redeemWhenNotBearerThenFails() {
        assertThatThrownBy(() -> client(ID_JAG, ID_JAG).redeem("the.id.jag", List.of(), Optional.empty()))
                .isInstanceOfSatisfying(IdJagClientException.class,
                        e -> assertThat(e.leg()).isEqualTo(Leg.RESOURCE_AUTHORIZATION_SERVER));
    }

    @Test
    void accessTokenWhenUnreachableThenLegFailsWithCause() {
        IdJagClient unreachable = new IdJagClient(form -> {
            throw new IOException("connection refused");
        }, form -> BEARER);
        assertThatThrownBy(() -> unreachable.accessToken(RAS, List.of(RS), Optional.empty(), "t",
                TokenTypeUri.ID_TOKEN)).isInstanceOfSatisfying(IdJagClientException.class, e -> {
                    assertThat(e.leg()).isEqualTo(Leg.IDENTITY_PROVIDER);
                    assertThat(e.getCause()).isInstanceOf(IOException.class);
                });
    }

    @Test
    void overHttpWhenServedThenFormPostedWithAuthorizationAndResponsesRead() throws IOException {
        List<String> seen = new ArrayList<>();
        List<String> dpop = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + ex.getRequestHeaders().getFirst("Authorization") + " " + body);
            if (ex.getRequestHeaders().containsKey("DPoP")) {
                dpop.addAll(ex.getRequestHeaders().get("DPoP"));
            }
            boolean ok = body.contains("assertion=good");
            byte[] out = (ok ? BEARER.toJson() : OAuthError.INVALID_GRANT.toJson()).toString()
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(ok ? 200 : 400, out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        });
        server.createContext("/html", ex -> {
            byte[] out = "<html></html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            IdJagClient.TokenEndpoint endpoint = IdJagClient.overHttp(http, URI.create(base + "/token"),
                    "Basic YWdlbnQ6c2VjcmV0");
            FormParameters good = FormParameters.builder().add("grant_type", "x").add("assertion", "good").build();
            assertThat(endpoint.post(good)).isEqualTo(BEARER);
            assertThat(seen.get(0)).isEqualTo("POST application/x-www-form-urlencoded Basic YWdlbnQ6c2VjcmV0 "
                    + "grant_type=x&assertion=good");
            // a DPoP proof for this endpoint in the DPoP header (RFC 9449 §4.1)
            DpopKey key = DpopKey.generate(Clock.systemUTC());
            assertThat(endpoint.post(good, key)).isEqualTo(BEARER);
            DpopProofVerifier verifier = new DpopProofVerifier(URI.create(base + "/token"),
                    new InMemoryReplayGuard(10, Clock.systemUTC()), DpopProofVerifier.DEFAULT_WINDOW,
                    Clock.systemUTC());
            assertThat(verifier.verify(List.of(dpop.get(0)))).isEqualTo(key.thumbprint());
            FormParameters bad = FormParameters.builder().add("assertion", "bad").build();
            assertThat(endpoint.post(bad)).isInstanceOfSatisfying(TokenErrorResponse.class,
                    e -> assertThat(e.error().code()).isEqualTo("invalid_grant"));
            IdJagClient.TokenEndpoint html = IdJagClient.overHttp(http, URI.create(base + "/html"), "Basic x");
            assertThatThrownBy(() -> html.post(good)).isInstanceOf(IOException.class);
        } finally {
            server.stop(0);
        }
    }

    /** An ID-JAG-shaped JWT with {@code cnf.jkt} {@code jkt} (the client reads it, it does not verify it). */
    private static AccessTokenResponse boundIdJag(String jkt) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), new JWTClaimsSet.Builder()
                .claim("cnf", Map.of("jkt", jkt)).build());
        jwt.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        return new AccessTokenResponse(jwt.serialize(), "N_A", Optional.of(300L), Optional.empty(), Optional.empty(),
                Optional.of(TokenTypeUri.ID_JAG), Optional.empty(), Map.of());
    }

    @Test
    void withDpopWhenTheIdJagIsBoundToAnotherKeyThenIdpLegFails() throws JOSEException {
        // ID-JAG §8.6: the client SHOULD check that cnf matches its key
        DpopKey key = DpopKey.generate(Clock.systemUTC());
        List<String> proofs = new ArrayList<>();
        IdJagClient.TokenEndpoint idp = new IdJagClient.TokenEndpoint() {
            @Override
            public TokenResponse post(FormParameters form) {
                throw new AssertionError("a DPoP client always sends a proof");
            }

            @Override
            public TokenResponse post(FormParameters form, DpopKey k) throws IOException {
                proofs.add(k.proof("POST", URI.create("https://idp.example.test/token")));
                try {
                    return boundIdJag(form.get("scope").isPresent() ? key.thumbprint() : "someone-else");
                } catch (JOSEException e) {
                    throw new IOException(e);
                }
            }
        };
        IdJagClient client = new IdJagClient(idp, form -> BEARER).withDpop(key);
        assertThat(client.requestIdJag(RAS, List.of(RS), Optional.of(Scope.of("items:read")), "t",
                TokenTypeUri.ID_TOKEN).accessToken()).isNotEmpty();
        assertThat(proofs).hasSize(1);
        assertThatThrownBy(() -> client.requestIdJag(RAS, List.of(RS), Optional.empty(), "t", TokenTypeUri.ID_TOKEN))
                .isInstanceOfSatisfying(IdJagClientException.class, e -> {
                    assertThat(e.leg()).isEqualTo(Leg.IDENTITY_PROVIDER);
                    assertThat(e.getMessage()).contains("another key");
                });
    }

    @Test
    void withDpopWhenTheEndpointCannotSendProofsThenLegFails() {
        IdJagClient client = client(ID_JAG, BEARER).withDpop(DpopKey.generate(Clock.systemUTC()));
        assertThatThrownBy(() -> client.requestIdJag(RAS, List.of(RS), Optional.empty(), "t", TokenTypeUri.ID_TOKEN))
                .isInstanceOfSatisfying(IdJagClientException.class, e -> {
                    assertThat(e.leg()).isEqualTo(Leg.IDENTITY_PROVIDER);
                    assertThat(e.getCause()).isInstanceOf(IOException.class);
                });
        assertThat(idpForms).isEmpty();
    }
}
