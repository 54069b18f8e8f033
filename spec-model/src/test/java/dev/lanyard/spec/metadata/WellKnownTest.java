package dev.lanyard.spec.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class WellKnownTest {

    private static URI u(String s) {
        return URI.create(s);
    }

    @Test
    void authorizationServerWhenIssuerHasNoPathThenRootWellKnown() {
        // RFC 8414 §3.1: "GET /.well-known/oauth-authorization-server" for issuer https://example.com
        assertThat(WellKnown.authorizationServer(u("https://example.com")))
                .isEqualTo(u("https://example.com/.well-known/oauth-authorization-server"));
        assertThat(WellKnown.authorizationServer(u("https://example.com/")))
                .isEqualTo(u("https://example.com/.well-known/oauth-authorization-server"));
    }

    @Test
    void authorizationServerWhenIssuerHasPathThenInsertedBeforeIt() {
        // RFC 8414 §3.1: "GET /.well-known/oauth-authorization-server/issuer1" for https://example.com/issuer1
        assertThat(WellKnown.authorizationServer(u("https://example.com/issuer1")))
                .isEqualTo(u("https://example.com/.well-known/oauth-authorization-server/issuer1"));
        assertThat(WellKnown.authorizationServer(u("https://as.example.com/tenant1")))
                .isEqualTo(u("https://as.example.com/.well-known/oauth-authorization-server/tenant1"));
    }

    @Test
    void authorizationServerWhenPathHasTrailingSlashThenRemoved() {
        // RFC 8414 §3.1: any terminating "/" MUST be removed before inserting; A-061
        assertThat(WellKnown.authorizationServer(u("https://as.example.com/tenant1/")))
                .isEqualTo(u("https://as.example.com/.well-known/oauth-authorization-server/tenant1"));
        assertThat(WellKnown.authorizationServer(u("https://as.example.com:8443/a/b/")))
                .isEqualTo(u("https://as.example.com:8443/.well-known/oauth-authorization-server/a/b"));
    }

    @Test
    void protectedResourceWhenResourceHasNoPathThenRootWellKnown() {
        // RFC 9728 §3.1: "GET /.well-known/oauth-protected-resource" for https://resource.example.com
        assertThat(WellKnown.protectedResource(u("https://resource.example.com")))
                .isEqualTo(u("https://resource.example.com/.well-known/oauth-protected-resource"));
        assertThat(WellKnown.protectedResource(u("https://h/")))
                .isEqualTo(u("https://h/.well-known/oauth-protected-resource"));
    }

    @Test
    void protectedResourceWhenResourceHasPathThenInsertedNotAppended() {
        // RFC 9728 §3.1: "GET /.well-known/oauth-protected-resource/resource1"
        // for https://resource.example.com/resource1
        assertThat(WellKnown.protectedResource(u("https://resource.example.com/resource1")))
                .isEqualTo(u("https://resource.example.com/.well-known/oauth-protected-resource/resource1"));
        URI mcp = WellKnown.protectedResource(u("https://h/mcp"));
        assertThat(mcp).isEqualTo(u("https://h/.well-known/oauth-protected-resource/mcp"))
                .isNotEqualTo(u("https://h/mcp/.well-known/oauth-protected-resource"));
        assertThat(WellKnown.protectedResource(u("https://h:8443/a/b")))
                .isEqualTo(u("https://h:8443/.well-known/oauth-protected-resource/a/b"));
    }

    @Test
    void protectedResourceWhenResourceHasQueryThenQueryKept() {
        // RFC 9728 §3: inserted "between the host component and the path and/or query components"
        assertThat(WellKnown.protectedResource(u("https://h/mcp?tenant=a")))
                .isEqualTo(u("https://h/.well-known/oauth-protected-resource/mcp?tenant=a"));
        assertThat(WellKnown.protectedResource(u("https://h/?tenant=a")))
                .isEqualTo(u("https://h/.well-known/oauth-protected-resource?tenant=a"));
    }

    @Test
    void wellKnownWhenPathPercentEncodedThenKeptRaw() {
        assertThat(WellKnown.protectedResource(u("https://h/a%2Fb/c%20d")).toString())
                .isEqualTo("https://h/.well-known/oauth-protected-resource/a%2Fb/c%20d");
    }

    @Test
    void openIdConfigurationWhenIssuerHasPathThenInsertedAndAppendedForms() {
        // OpenID Connect Discovery 1.0 §4 appends; RFC 8414 §5 names the inserted form
        assertThat(WellKnown.openIdConfigurationInserted(u("https://host/tenant1")))
                .isEqualTo(u("https://host/.well-known/openid-configuration/tenant1"));
        assertThat(WellKnown.openIdConfigurationAppended(u("https://host/tenant1")))
                .isEqualTo(u("https://host/tenant1/.well-known/openid-configuration"));
        assertThat(WellKnown.openIdConfigurationAppended(u("https://host/tenant1/")))
                .isEqualTo(u("https://host/tenant1/.well-known/openid-configuration"));
    }

    @Test
    void authorizationServerCandidatesWhenIssuerHasPathThenMcpOrder() {
        // MCP 2026-07-28 authorization-server-discovery: OAuth inserted, OpenID inserted, OpenID appended
        assertThat(WellKnown.authorizationServerCandidates(u("https://a.ex/tenant1"))).containsExactly(
                u("https://a.ex/.well-known/oauth-authorization-server/tenant1"),
                u("https://a.ex/.well-known/openid-configuration/tenant1"),
                u("https://a.ex/tenant1/.well-known/openid-configuration"));
    }

    @Test
    void authorizationServerCandidatesWhenIssuerHasNoPathThenOauthThenOpenId() {
        // MCP 2026-07-28 authorization-server-discovery: for an issuer without a path, OAuth then OpenID
        for (String issuer : List.of("https://a.ex", "https://a.ex/")) {
            assertThat(WellKnown.authorizationServerCandidates(u(issuer))).as(issuer).containsExactly(
                    u("https://a.ex/.well-known/oauth-authorization-server"),
                    u("https://a.ex/.well-known/openid-configuration"));
        }
    }

    @Test
    void insertWhenApplicationSuffixThenSameRule() {
        // RFC 8414 §3, RFC 9728 §3: applications MAY register a suffix of their own
        assertThat(WellKnown.insert(u("https://h/r1"), "example-protected-resource"))
                .isEqualTo(u("https://h/.well-known/example-protected-resource/r1"));
        for (String bad : List.of("", "a/b", "..", "a?b", "a#b")) {
            assertThatThrownBy(() -> WellKnown.insert(u("https://h/r1"), bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyFormWhenIdentifierNotAbsoluteOrHasFragmentThenIllegalArgument() {
        for (String bad : List.of("/tenant1", "as.example.com", "https:opaque", "https://h/t#f", "https://h#",
                "mailto:a@b")) {
            assertThatThrownBy(() -> WellKnown.authorizationServer(u(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WellKnown.protectedResource(u(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WellKnown.openIdConfigurationAppended(u(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WellKnown.authorizationServerCandidates(u(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void issuerFormsWhenIssuerHasQueryThenIllegalArgument() {
        // RFC 8414 §2: an issuer has no query component (a resource may: see protectedResource)
        URI withQuery = u("https://as.example.com/t?x=1");
        assertThatThrownBy(() -> WellKnown.authorizationServer(withQuery)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WellKnown.openIdConfigurationInserted(withQuery))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WellKnown.authorizationServerCandidates(withQuery))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
