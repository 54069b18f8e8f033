package dev.lanyard.as.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lanyard.as.AsConfigKeys;
import dev.lanyard.as.internal.CorsRoutes.Route;
import dev.lanyard.discovery.publish.CorsPolicy;

/** Which endpoints answer cross-origin requests (OAuth 2.1 §3.1, TK-07, AZ-18) and with which headers. */
class CorsRoutesTest {

    static final CorsPolicy ALLOWED = CorsPolicy.of(List.of("http://localhost:6274"));

    @Test
    void theBackChannelAndThePublicDocumentsAreCovered() {
        assertThat(CorsRoutes.route(".well-known/oauth-authorization-server")).contains(Route.PUBLIC_DOCUMENT);
        assertThat(CorsRoutes.route(".well-known/oauth-authorization-server/idp")).contains(Route.PUBLIC_DOCUMENT);
        assertThat(CorsRoutes.route(".well-known/openid-configuration")).contains(Route.PUBLIC_DOCUMENT);
        assertThat(CorsRoutes.route("jwks")).contains(Route.PUBLIC_DOCUMENT);
        assertThat(CorsRoutes.route("token")).contains(Route.TOKEN);
        assertThat(CorsRoutes.route("revoke")).contains(Route.TOKEN);
        assertThat(CorsRoutes.route("register")).contains(Route.REGISTRATION);
        assertThat(CorsRoutes.route("register/abc")).contains(Route.CLIENT_CONFIGURATION);
    }

    @Test
    void frontChannelAndOtherPathsAreNot() {
        // A-017, AZ-18: never at the authorization endpoint, the consent page or sign-in
        for (String path : List.of("authorize", "authorize/consent", "lanyard/sign-in", "introspect", "tokens",
                "register/a/b", "register/", ".well-known/oauth-authorization-serverx", "jwks/x", "")) {
            assertThat(CorsRoutes.route(path)).as(path).isEmpty();
        }
    }

    @Test
    void publicDocumentsAnswerAnyOriginWhateverTheConfiguration() {
        assertThat(Route.PUBLIC_DOCUMENT.actualHeaders(CorsPolicy.none(), "http://evil.test"))
                .containsExactly(Map.entry("Access-Control-Allow-Origin", "*"));
        assertThat(Route.PUBLIC_DOCUMENT.preflightHeaders(CorsPolicy.none(), "http://evil.test"))
                .containsEntry("Access-Control-Allow-Methods", "GET")
                .containsEntry("Access-Control-Allow-Headers", "MCP-Protocol-Version");
        assertThat(Route.PUBLIC_DOCUMENT.variesByOrigin(ALLOWED)).isFalse();
    }

    @Test
    void theTokenEndpointAnswersOnlyConfiguredOriginsAndExposesTheChallenge() {
        assertThat(Route.TOKEN.actualHeaders(CorsPolicy.none(), "http://localhost:6274")).isEmpty();
        assertThat(Route.TOKEN.actualHeaders(ALLOWED, "http://evil.test")).isEmpty();
        assertThat(Route.TOKEN.actualHeaders(ALLOWED, "http://localhost:6274")).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "http://localhost:6274"),
                Map.entry("Access-Control-Expose-Headers", "WWW-Authenticate, Retry-After, DPoP-Nonce"));
        assertThat(Route.TOKEN.preflightHeaders(ALLOWED, "http://localhost:6274")).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "http://localhost:6274"),
                Map.entry("Access-Control-Allow-Methods", "POST"),
                Map.entry("Access-Control-Allow-Headers", "Authorization, Content-Type, DPoP"),
                Map.entry("Access-Control-Max-Age", "600"));
        assertThat(Route.TOKEN.variesByOrigin(ALLOWED)).isTrue();
        assertThat(Route.CLIENT_CONFIGURATION.preflightHeaders(ALLOWED, "http://localhost:6274"))
                .containsEntry("Access-Control-Allow-Methods", "GET, PUT, DELETE");
    }

    @Test
    void aMalformedOriginFailsStartUpNamingTheKey() {
        assertThatThrownBy(() -> ServerConfiguration.cors(new MapConfig(AsConfigKeys.CORS_ALLOWED_ORIGINS,
                "http://localhost:6274/")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(AsConfigKeys.CORS_ALLOWED_ORIGINS);
        assertThat(ServerConfiguration.cors(new MapConfig()).toString()).isEqualTo("(none)");
        assertThat(ServerConfiguration.cors(new MapConfig(AsConfigKeys.CORS_ALLOWED_ORIGINS,
                "http://localhost:6274,http://127.0.0.1:6274")).allowOrigin("http://127.0.0.1:6274"))
                .contains("http://127.0.0.1:6274");
    }
}
