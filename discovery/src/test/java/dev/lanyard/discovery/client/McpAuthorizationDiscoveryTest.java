package dev.lanyard.discovery.client;

import static dev.lanyard.discovery.client.Fixtures.asMetadata;
import static dev.lanyard.discovery.client.Fixtures.challenge;
import static dev.lanyard.discovery.client.Fixtures.prm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.client.DiscoveryAttempt.Outcome;
import dev.lanyard.discovery.client.DiscoveryAttempt.Step;
import dev.lanyard.discovery.fetch.FetchPolicy;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.discovery.publish.AuthorizationServerMetadataFactory;
import dev.lanyard.discovery.publish.MetadataRoutes;
import dev.lanyard.discovery.publish.ProtectedResourceMetadataFactory;
import dev.lanyard.discovery.testing.TestServer;
import dev.lanyard.discovery.testing.TestTls;
import dev.lanyard.spec.bearer.BearerChallenge;
import dev.lanyard.spec.core.Scope;

class McpAuthorizationDiscoveryTest {

    private TestServer mcp;
    private TestServer auth;
    private SafeFetcher fetcher;
    private McpAuthorizationDiscovery discovery;

    @BeforeEach
    void start() {
        mcp = TestServer.start();
        auth = TestServer.start();
        fetcher = SafeFetcher.create(FetchPolicy.defaults().withAllowLoopback(true));
        discovery = McpAuthorizationDiscovery.create(fetcher);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        mcp.close();
        auth.close();
    }

    private URI server() {
        return mcp.uri("/mcp");
    }

    private String realm() {
        return auth.origin() + "/realms/lanyard";
    }

    /** A Keycloak-style server: metadata only at {issuer}/.well-known/openid-configuration. */
    private void keycloakRealm() {
        auth.json("/realms/lanyard/.well-known/openid-configuration", asMetadata(realm()));
    }

    private static DiscoveryException failure(Runnable run) {
        try {
            run.run();
        } catch (DiscoveryException e) {
            return e;
        }
        throw new AssertionError("no DiscoveryException");
    }

    // MCP ASD: a 401 with resource_metadata leads to exactly that URL, with no well-known probing; Keycloak realm
    // issuer with a path: RFC 8414 insertion, OIDC insertion, OIDC appending, in that order.
    @Test
    void discoverWhenChallengeAndKeycloakRealmThenHeaderUrlAndThirdCandidate() {
        challenge(mcp, "/mcp", "Bearer resource_metadata=\"" + mcp.origin() + "/meta/prm\", scope=\"mcp:tools\"");
        mcp.json("/meta/prm", prm(server().toString(), realm()));
        keycloakRealm();

        DiscoveryResult result = discovery.discover(server());

        assertThat(result.resource()).isEqualTo(server().toString());
        assertThat(result.resourceMetadataUrl()).isEqualTo(URI.create(mcp.origin() + "/meta/prm"));
        assertThat(result.issuer()).isEqualTo(realm());
        assertThat(result.authorizationServerMetadataUrl())
                .isEqualTo(URI.create(realm() + "/.well-known/openid-configuration"));
        assertThat(result.authorizationServerMetadata().issuer()).isEqualTo(realm());
        assertThat(result.scope()).contains(Scope.of("mcp:tools"));
        assertThat(mcp.requests()).containsExactly("GET /mcp", "GET /meta/prm");
        assertThat(auth.requests()).containsExactly(
                "GET /.well-known/oauth-authorization-server/realms/lanyard",
                "GET /.well-known/openid-configuration/realms/lanyard",
                "GET /realms/lanyard/.well-known/openid-configuration");
        assertThat(result.attempts()).extracting(DiscoveryAttempt::step, DiscoveryAttempt::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Step.PROBE, Outcome.CHALLENGED),
                org.assertj.core.groups.Tuple.tuple(Step.PROTECTED_RESOURCE_METADATA, Outcome.ACCEPTED),
                org.assertj.core.groups.Tuple.tuple(Step.AUTHORIZATION_SERVER_METADATA, Outcome.NOT_FOUND),
                org.assertj.core.groups.Tuple.tuple(Step.AUTHORIZATION_SERVER_METADATA, Outcome.NOT_FOUND),
                org.assertj.core.groups.Tuple.tuple(Step.AUTHORIZATION_SERVER_METADATA, Outcome.ACCEPTED));
    }

    // RFC 8414 §3 / §3.3 alone (resource servers find jwks_uri this way): same candidates, same issuer rule
    @Test
    void authorizationServerWhenKeycloakRealmThenValidatedMetadataAndCached() {
        keycloakRealm();
        assertThat(discovery.authorizationServer(realm()).issuer()).isEqualTo(realm());
        assertThat(auth.requests()).containsExactly(
                "GET /.well-known/oauth-authorization-server/realms/lanyard",
                "GET /.well-known/openid-configuration/realms/lanyard",
                "GET /realms/lanyard/.well-known/openid-configuration");
        // the validated document is cached; the misses before it are not (errors are never cached)
        assertThat(discovery.authorizationServer(realm()).issuer()).isEqualTo(realm());
        assertThat(auth.requests()).filteredOn(r -> r.equals("GET /realms/lanyard/.well-known/openid-configuration"))
                .hasSize(1);
        DiscoveryException e = failure(() -> discovery.authorizationServer(realm() + "/"));
        assertThat(e.getMessage()).contains(realm() + "/");
    }

    // MCP ASD: path-less issuer, OpenID-only provider: OAuth URL then OIDC URL
    @Test
    void discoverWhenOpenIdOnlyProviderWithoutPathThenOidcUrlAfterOauthUrl() {
        challenge(mcp, "/mcp", "Bearer resource_metadata=\"" + mcp.origin()
                + "/.well-known/oauth-protected-resource/mcp\"");
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), auth.origin()));
        auth.json("/.well-known/openid-configuration", asMetadata(auth.origin()));

        DiscoveryResult result = discovery.discover(server());

        assertThat(result.issuer()).isEqualTo(auth.origin());
        assertThat(auth.requests()).containsExactly("GET /.well-known/oauth-authorization-server",
                "GET /.well-known/openid-configuration");
        // no challenge scope: PRM scopes_supported (MCP scope selection)
        assertThat(result.scope()).contains(Scope.of("mcp:tools", "mcp:resources"));
    }

    // MCP ASD: no resource_metadata in the challenge: path-inserted well-known URL, then the root one
    @Test
    void discoverWhenPrmOnlyAtRootThenFoundAfterPathInsertedUrl() {
        challenge(mcp, "/mcp", "Bearer realm=\"mcp\"");
        mcp.json("/.well-known/oauth-protected-resource", prm(server().toString(), realm()));
        keycloakRealm();

        DiscoveryResult result = discovery.discover(server());

        assertThat(result.resourceMetadataUrl())
                .isEqualTo(URI.create(mcp.origin() + "/.well-known/oauth-protected-resource"));
        assertThat(mcp.requests()).containsExactly("GET /mcp", "GET /.well-known/oauth-protected-resource/mcp",
                "GET /.well-known/oauth-protected-resource");
        assertThat(result.attempts().get(0).outcome()).isEqualTo(Outcome.CHALLENGED);
    }

    // RFC 9728 §3.3: a root document publishing the origin is not the MCP server URL under the default exact match
    @Test
    void discoverWhenRootPrmPublishesOriginThenRejectedUnlessPrefixModeChosen() {
        mcp.json("/.well-known/oauth-protected-resource", prm(mcp.origin(), realm()));
        keycloakRealm();

        DiscoveryException e = failure(() -> discovery.discover(server()));
        assertThat(e.url()).isEqualTo(URI.create(mcp.origin() + "/.well-known/oauth-protected-resource"));
        assertThat(e.rule().toString()).isEqualTo("RFC 9728 §3.3");
        assertThat(e.getMessage()).contains(mcp.origin() + "/.well-known/oauth-protected-resource")
                .contains("RFC 9728 §3.3").contains("not identical");

        McpAuthorizationDiscovery relaxed = McpAuthorizationDiscovery.create(fetcher,
                DiscoveryOptions.defaults().withResourceMatch(ResourceMatch.SAME_ORIGIN_PATH_PREFIX));
        assertThat(relaxed.discover(server()).resource()).isEqualTo(mcp.origin());
    }

    // RFC 9728 §3.3 (header case): resource must equal the URL requested; A trailing slash is another resource
    @Test
    void discoverWhenPrmResourceDiffersThenRejectedNamingUrlAndRule() {
        for (String wrong : List.of("https://evil.example/mcp", server() + "/", mcp.origin())) {
            challenge(mcp, "/mcp", "Bearer resource_metadata=\"" + mcp.origin() + "/prm\"");
            mcp.json("/prm", prm(wrong, realm()));
            keycloakRealm();
            DiscoveryException e = failure(() -> discovery.discover(server()));
            assertThat(e.url()).isEqualTo(URI.create(mcp.origin() + "/prm"));
            assertThat(e.getMessage()).contains(mcp.origin() + "/prm").contains("RFC 9728 §3.3").contains(wrong);
            assertThat(e.attempts()).last().extracting(DiscoveryAttempt::outcome).isEqualTo(Outcome.REJECTED);
        }
        assertThat(auth.requests()).isEmpty();
    }

    // MCP ASD: the PRM document MUST list at least one authorization server
    @Test
    void discoverWhenPrmListsNoAuthorizationServerThenRejected() {
        mcp.json("/.well-known/oauth-protected-resource/mcp", "{\"resource\":\"" + server() + "\"}");
        DiscoveryException e = failure(() -> discovery.discover(server()));
        assertThat(e.getMessage()).contains("authorization_servers").contains("authorization-server-location");
        assertThat(auth.requests()).isEmpty();
    }

    // A CDN answering 403 (HTML) on every path it does not know: try the next URL
    @Test
    void discoverWhenCdnAnswers403OnUnknownPathsThenNextUrlTried() {
        auth.fallback(exchange -> TestServer.send(exchange, 403, "text/html", "<html>Forbidden</html>"));
        mcp.fallback(exchange -> TestServer.send(exchange, 403, "text/html", "<html>Forbidden</html>"));
        mcp.json("/.well-known/oauth-protected-resource", prm(server().toString(), realm()));
        keycloakRealm();

        DiscoveryResult result = discovery.discover(server());

        assertThat(result.issuer()).isEqualTo(realm());
        assertThat(result.attempts()).filteredOn(a -> a.outcome() == Outcome.NOT_FOUND)
                .allSatisfy(a -> assertThat(a.detail()).contains("403"))
                .hasSize(3);
    }

    // A single-page app answering 200 text/html on every path: not JSON, try the next URL
    @Test
    void discoverWhenServerAnswersHtmlOnUnknownPathsThenNextUrlTried() {
        auth.fallback(exchange -> TestServer.send(exchange, 200, "text/html", "<!doctype html><title>App</title>"));
        mcp.fallback(exchange -> TestServer.send(exchange, 200, "text/html", "<!doctype html><title>App</title>"));
        mcp.json("/.well-known/oauth-protected-resource", prm(server().toString(), realm()));
        // HTML served as JSON is not JSON either
        auth.answer("/.well-known/openid-configuration/realms/lanyard", 200, "application/json", "<html></html>");
        keycloakRealm();

        DiscoveryResult result = discovery.discover(server());

        assertThat(result.authorizationServerMetadataUrl())
                .isEqualTo(URI.create(realm() + "/.well-known/openid-configuration"));
        assertThat(result.attempts()).filteredOn(a -> a.outcome() == Outcome.NOT_JSON).hasSize(3);
    }

    // RFC 8414 §3.3 / MCP ASD: an issuer that differs by a trailing slash MUST NOT be used
    @Test
    void discoverWhenIssuerDiffersByTrailingSlashThenRejectedNamingUrlAndRule() {
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), realm()));
        auth.json("/.well-known/oauth-authorization-server/realms/lanyard", asMetadata(realm() + "/"));
        keycloakRealm();

        DiscoveryException e = failure(() -> discovery.discover(server()));

        String url = auth.origin() + "/.well-known/oauth-authorization-server/realms/lanyard";
        assertThat(e.url()).isEqualTo(URI.create(url));
        assertThat(e.rule().toString()).isEqualTo("RFC 8414 §3.3");
        assertThat(e.getMessage()).contains(url).contains("RFC 8414 §3.3").contains(realm() + "/");
        // the document broke a rule: discovery stops, the valid OIDC document is never fetched
        assertThat(auth.requests()).containsExactly("GET /.well-known/oauth-authorization-server/realms/lanyard");
    }

    // OIDC Discovery §4.3 for the OpenID URLs; the issuer of another server
    @Test
    void discoverWhenOidcIssuerIsAnotherServerThenRejectedCitingOidcDiscovery() {
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), realm()));
        auth.json("/realms/lanyard/.well-known/openid-configuration", asMetadata("https://honest.example.com"));
        DiscoveryException e = failure(() -> discovery.discover(server()));
        assertThat(e.getMessage()).contains("OpenID Connect Discovery 1.0 §4.3").contains("https://honest.example.com");
    }

    // MCP: clients MUST refuse to proceed without S256 (absent, or only plain)
    @Test
    void discoverWhenNoS256ThenRejected() {
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), realm()));
        auth.json("/realms/lanyard/.well-known/openid-configuration", asMetadata(realm(), realm(), "[\"plain\"]"));
        DiscoveryException e = failure(() -> discovery.discover(server()));
        assertThat(e.getMessage()).contains("does not list S256")
                .contains(realm() + "/.well-known/openid-configuration")
                .contains("authorization-code-protection");

        auth.json("/realms/lanyard/.well-known/openid-configuration", asMetadata(realm(), realm(), null));
        McpAuthorizationDiscovery fresh = McpAuthorizationDiscovery.create(fetcher);
        assertThat(failure(() -> fresh.discover(server())).getMessage())
                .contains("code_challenge_methods_supported is absent");
    }

    // MCP URL scheme hygiene: endpoints over plain http to a non-loopback host, or not URLs at all, are refused
    @Test
    void discoverWhenEndpointNotHttpsThenRejected() {
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), realm()));
        auth.json("/realms/lanyard/.well-known/openid-configuration",
                asMetadata(realm(), "http://auth.example.com/realms/lanyard", "[\"S256\"]"));
        assertThat(failure(() -> discovery.discover(server())).getMessage()).contains("authorization_endpoint")
                .contains("does not use https").contains("§1.5");

        auth.json("/realms/lanyard/.well-known/openid-configuration",
                asMetadata(realm(), "javascript:alert(1)//", "[\"S256\"]"));
        McpAuthorizationDiscovery fresh = McpAuthorizationDiscovery.create(fetcher);
        assertThat(failure(() -> fresh.discover(server())).rule().toString()).isEqualTo("RFC 8414 §2");
    }

    // MCP 1.11: both PRM URLs 404: abort with a discovery error, never guess an authorization server
    @Test
    void discoverWhenNoPrmAnywhereThenErrorListsEveryUrl() {
        DiscoveryException e = failure(() -> discovery.discover(server()));
        assertThat(e.url()).isEqualTo(server());
        assertThat(e.getMessage()).contains("No protected resource metadata")
                .contains("/.well-known/oauth-protected-resource/mcp NOT_FOUND: status 404")
                .contains("/.well-known/oauth-protected-resource NOT_FOUND");
        assertThat(e.attempts()).hasSize(3);
        assertThat(auth.requests()).isEmpty();
    }

    @Test
    void discoverWhenNoAuthorizationServerMetadataThenErrorNamesIssuerAndUrls() {
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), realm()));
        DiscoveryException e = failure(() -> discovery.discover(server()));
        assertThat(e.url()).isEqualTo(URI.create(realm()));
        assertThat(e.getMessage()).contains("No authorization server metadata found for issuer " + realm())
                .contains("authorization-server-metadata-discovery");
        assertThat(e.attempts()).filteredOn(a -> a.step() == Step.AUTHORIZATION_SERVER_METADATA).hasSize(3);
    }

    // RFC 9728 §7.7 SSRF: a challenge pointing at cloud metadata is refused by the fetcher, then well-known is used
    @Test
    void discoverWhenChallengePointsAtSpecialUseAddressThenRefusedAndWellKnownUsed() {
        challenge(mcp, "/mcp", "Bearer resource_metadata=\"http://169.254.169.254/latest/meta-data\"");
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), realm()));
        keycloakRealm();
        DiscoveryResult result = discovery.discover(server());
        assertThat(result.attempts().get(1).outcome()).isEqualTo(Outcome.FETCH_FAILED);
        assertThat(result.attempts().get(1).detail()).contains("SPECIAL_USE_ADDRESS");
        assertThat(result.attempts().get(1).rule()).get().hasToString("RFC 6890 §2.2");
    }

    // A redirect on a metadata URL is not followed (another origin): the next URL is tried
    @Test
    void discoverWhenMetadataUrlRedirectsThenNotFollowed() {
        mcp.answer("/.well-known/oauth-protected-resource/mcp", 302, null, "", "Location", auth.origin() + "/prm");
        auth.json("/prm", prm(server().toString(), realm()));
        mcp.json("/.well-known/oauth-protected-resource", prm(server().toString(), realm()));
        keycloakRealm();
        DiscoveryResult result = discovery.discover(server());
        assertThat(result.resourceMetadataUrl())
                .isEqualTo(URI.create(mcp.origin() + "/.well-known/oauth-protected-resource"));
        assertThat(auth.requests()).doesNotContain("GET /prm");
    }

    // RFC 9728 §5.4 / RFC 9110 §11.6.1: several challenges, DPoP first; a malformed header falls back to well-known
    @Test
    void discoverWhenSeveralOrMalformedChallengesThenBearerUsedOrWellKnown() {
        mcp.route("/mcp", exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", "DPoP algs=\"ES256\"");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"x\", bearer scope=\"files:read\", "
                    + "resource_metadata=\"" + mcp.origin() + "/prm\"");
            TestServer.send(exchange, 401, null, "");
        });
        mcp.json("/prm", prm(server().toString(), realm()));
        keycloakRealm();
        DiscoveryResult result = discovery.discover(server());
        assertThat(result.resourceMetadataUrl()).isEqualTo(URI.create(mcp.origin() + "/prm"));
        assertThat(result.scope()).contains(Scope.of("files:read"));

        challenge(mcp, "/mcp", "Bearer scope=\"unterminated");
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), realm()));
        DiscoveryResult fallback = McpAuthorizationDiscovery.create(fetcher).discover(server());
        assertThat(fallback.attempts().get(0).outcome()).isEqualTo(Outcome.NOT_CHALLENGED);
        assertThat(fallback.resourceMetadataUrl().getPath()).isEqualTo("/.well-known/oauth-protected-resource/mcp");
    }

    // Cache-Control honoured: a second discovery reads the documents from the cache; no-store is never cached
    @Test
    void discoverWhenRepeatedThenCachedDocumentsUnlessNoStore() {
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), realm()),
                "Cache-Control", "max-age=300");
        auth.json("/realms/lanyard/.well-known/openid-configuration", asMetadata(realm()), "Cache-Control", "no-store");
        discovery.discover(server());
        DiscoveryResult second = discovery.discover(server());
        assertThat(second.attempts()).filteredOn(a -> a.outcome() == Outcome.ACCEPTED)
                .extracting(DiscoveryAttempt::detail).containsExactly("from cache", "");
        assertThat(mcp.requests()).filteredOn(r -> r.contains("oauth-protected-resource/mcp")).hasSize(1);
        assertThat(auth.requests()).filteredOn(r -> r.endsWith("/realms/lanyard/.well-known/openid-configuration"))
                .hasSize(2);
    }

    // Failures are never cached: once the server is fixed, the next discovery succeeds at once (A-081 spirit)
    @Test
    void discoverWhenFailureThenNotCachedAndFixedServerWorks() {
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm("https://wrong.example/mcp", realm()));
        keycloakRealm();
        failure(() -> discovery.discover(server()));
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), realm()),
                "Cache-Control", "max-age=300");
        assertThat(discovery.discover(server()).resource()).isEqualTo(server().toString());
    }

    // MCP registration priority: pre-registered, CIMD, DCR, ask the user; a pre-registered issuer is preferred
    @Test
    void discoverWhenSeveralIssuersAndPreRegistrationThenPreferredIssuerAndMethod() {
        String other = auth.origin() + "/realms/other";
        mcp.json("/.well-known/oauth-protected-resource/mcp", prm(server().toString(), realm(), other));
        keycloakRealm();
        auth.json("/realms/other/.well-known/openid-configuration", asMetadata(other).replace(
                "\"authorization_response_iss_parameter_supported\"",
                "\"client_id_metadata_document_supported\":true,\"authorization_response_iss_parameter_supported\""));

        DiscoveryResult first = discovery.discover(server());
        assertThat(first.issuer()).isEqualTo(realm());
        assertThat(first.registration().preferred()).isEqualTo(RegistrationOptions.Method.DYNAMIC_CLIENT_REGISTRATION);

        McpAuthorizationDiscovery preRegistered = McpAuthorizationDiscovery.create(fetcher,
                DiscoveryOptions.defaults().withPreRegisteredIssuers(Set.of(other)));
        DiscoveryResult chosen = preRegistered.discover(server());
        assertThat(chosen.issuer()).isEqualTo(other);
        assertThat(chosen.registration().preRegistered()).isTrue();
        assertThat(chosen.registration().clientIdMetadataDocumentSupported()).isTrue();
        assertThat(chosen.registration().preferred()).isEqualTo(RegistrationOptions.Method.PRE_REGISTERED);
    }

    @Test
    void discoverWhenServerUrlHasFragmentThenRejectedBeforeAnyRequest() {
        DiscoveryException e = failure(() -> discovery.discover(URI.create(server() + "#x")));
        assertThat(e.rule().toString()).isEqualTo("RFC 8707 §2");
        assertThat(mcp.requests()).isEmpty();
    }

    // A-062 end to end: what Lanyard's publishers produce, served at the URLs MetadataRoutes computes, passes every
    // check of the client chain (RFC 9728 §3.3, RFC 8414 §3.3, S256, https endpoints)
    @Test
    void discoverWhenServedByLanyardPublishersThenAccepted() {
        String issuer = auth.origin() + "/tenant-a";
        String resource = server().toString();
        MetadataRoutes authRoutes = MetadataRoutes.builder().authorizationServer(
                AuthorizationServerMetadataFactory.forIssuer(issuer).clientIdMetadataDocuments(true).build(), false)
                .build();
        MetadataRoutes mcpRoutes = MetadataRoutes.builder().protectedResource(ProtectedResourceMetadataFactory
                .forResource(resource).authorizationServers(List.of(issuer)).scopes(List.of("mcp:tools")).build())
                .build();
        serve(auth, authRoutes);
        serve(mcp, mcpRoutes);
        challenge(mcp, "/mcp", BearerChallenge.builder()
                .resourceMetadata(MetadataRoutes.protectedResourceMetadataUrl(resource))
                .scope(Scope.of("mcp:tools")).build().toHeaderValue());

        DiscoveryResult result = discovery.discover(server());

        assertThat(result.issuer()).isEqualTo(issuer);
        assertThat(result.authorizationServerMetadataUrl())
                .isEqualTo(MetadataRoutes.authorizationServerMetadataUrl(issuer));
        assertThat(result.registration().preferred()).isEqualTo(RegistrationOptions.Method.CLIENT_ID_METADATA_DOCUMENT);
        assertThat(auth.requests()).containsExactly("GET /.well-known/oauth-authorization-server/tenant-a");
    }

    private static void serve(TestServer server, MetadataRoutes routes) {
        server.fallback(exchange -> {
            var route = routes.find(exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery());
            if (route.isPresent()) {
                TestServer.send(exchange, 200, "application/json", route.get().document().toString());
            } else {
                TestServer.send(exchange, 404, "application/json", "{}");
            }
        });
    }

    // The same chain over real TLS with host names, as deployed: https://mcp.example.test, https://auth.example.test
    @Test
    void discoverWhenHttpsWithHostNamesThenValidated() throws Exception {
        try (TestServer tlsMcp = TestServer.startHttps(); TestServer tlsAuth = TestServer.startHttps();
                SafeFetcher tls = SafeFetcher.create(FetchPolicy.defaults().withAllowLoopback(true),
                        host -> {
                            if (host.endsWith(".example.test")) {
                                return List.of(InetAddress.getByName("127.0.0.1"));
                            }
                            throw new UnknownHostException(host);
                        }, TestTls.clientTrust())) {
            URI url = tlsMcp.uri("mcp.example.test", "/mcp");
            String issuer = tlsAuth.origin("auth.example.test") + "/realms/lanyard";
            challenge(tlsMcp, "/mcp", "Bearer resource_metadata=\"" + tlsMcp.origin("mcp.example.test")
                    + "/.well-known/oauth-protected-resource/mcp\", scope=\"mcp:tools\"");
            tlsMcp.json("/.well-known/oauth-protected-resource/mcp", prm(url.toString(), issuer));
            tlsAuth.json("/.well-known/oauth-authorization-server/realms/lanyard", asMetadata(issuer));

            DiscoveryResult result = McpAuthorizationDiscovery.create(tls).discover(url);

            assertThat(result.issuer()).isEqualTo(issuer);
            assertThat(result.authorizationServerMetadata().supportsS256()).isTrue();
            assertThat(result.registration().preferred())
                    .isEqualTo(RegistrationOptions.Method.DYNAMIC_CLIENT_REGISTRATION);
        }
    }
}
