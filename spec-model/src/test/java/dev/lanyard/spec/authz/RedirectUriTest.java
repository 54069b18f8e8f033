package dev.lanyard.spec.authz;

import static dev.lanyard.spec.authz.OAuthAssert.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.Violations;

class RedirectUriTest {

    private static final RedirectUri APP = new RedirectUri("https://app.example.test/cb");
    private static final RedirectUri LOOPBACK_V4 = new RedirectUri("http://127.0.0.1/cb");
    private static final RedirectUri LOOPBACK_V6 = new RedirectUri("http://[::1]/cb");
    private static final RedirectUri CONF1 = new RedirectUri("https://conf.example.test/cb?tenant=1");

    @Test
    void matchesWhenExactlyEqualThenTrue() {
        // RFC 3986 §6.2.1, OAuth 2.1 §2.3.1: simple string comparison
        assertThat(APP.matches("https://app.example.test/cb")).isTrue();
        assertThat(CONF1.matches("https://conf.example.test/cb?tenant=1")).isTrue();
        assertThat(LOOPBACK_V4.matches("http://127.0.0.1/cb")).isTrue();
    }

    @Test
    void matchesWhenCaseDiffersThenFalse() {
        // A-002, RU-02: no case folding of scheme, host or path
        for (String requested : List.of("https://APP.example.test/cb", "HTTPS://app.example.test/cb",
                "https://app.example.test/CB")) {
            assertThat(APP.matches(requested)).as(requested).isFalse();
        }
    }

    @Test
    void matchesWhenQueryAddedThenFalse() {
        // A-004: the registered URI has no query
        assertThat(APP.matches("https://app.example.test/cb?next=https://evil.test")).isFalse();
        assertThat(APP.matches("https://app.example.test/cb?")).isFalse();
    }

    @Test
    void matchesWhenLoopbackWithAnyPortThenTrue() {
        // A-005, RU-03, OAuth 2.1 §8.4.2: any port at request time for loopback IP redirect URIs
        assertThat(LOOPBACK_V4.matches("http://127.0.0.1:51004/cb")).isTrue();
        assertThat(LOOPBACK_V6.matches("http://[::1]:61023/cb")).isTrue();
        assertThat(LOOPBACK_V4.matches("http://127.0.0.1:1/cb")).isTrue();
        assertThat(LOOPBACK_V4.matches("http://127.0.0.1:65535/cb")).isTrue();
        assertThat(LOOPBACK_V4.isLoopback()).isTrue();
        assertThat(APP.isLoopback()).isFalse();
    }

    @Test
    void matchesWhenLoopbackRegisteredWithPortThenAnyPortOrNone() {
        // OAuth 2.1 §8.4.2: the port of a loopback redirect URI is not compared
        RedirectUri withPort = new RedirectUri("http://127.0.0.1:8080/cb?x=1");
        assertThat(withPort.matches("http://127.0.0.1/cb?x=1")).isTrue();
        assertThat(withPort.matches("http://127.0.0.1:9999/cb?x=1")).isTrue();
        assertThat(withPort.matches("http://127.0.0.1:9999/cb?x=2")).isFalse();
    }

    @Test
    void matchesWhenLoopbackLookalikeThenFalse() {
        // A-006, RU-03: the exemption applies only to the literal registered host; names are never resolved
        for (String requested : List.of("http://localhost:5000/cb", "http://127.0.0.1.evil.test:5000/cb",
                "http://127.1:5000/cb", "http://2130706433:5000/cb", "http://[::ffff:127.0.0.1]:5000/cb",
                "http://localhost:80@evil.test/cb", "http://127.0.0.1:5000@evil.test/cb",
                "http://127.0.0.1:80@evil.test/cb")) {
            assertThat(LOOPBACK_V4.matches(requested)).as(requested).isFalse();
        }
        assertThat(LOOPBACK_V6.matches("http://[0:0:0:0:0:0:0:1]:5000/cb")).isFalse();
    }

    @Test
    void matchesWhenLoopbackButOtherSchemePathQueryOrBadPortThenFalse() {
        // RU-03: scheme, host literal, path and query still match exactly; the port is a port
        for (String requested : List.of("https://127.0.0.1:5000/cb", "HTTP://127.0.0.1:5000/cb",
                "http://127.0.0.1:5000/cb/", "http://127.0.0.1:5000/CB", "http://127.0.0.1:5000/cb?x",
                "http://127.0.0.1:/cb", "http://127.0.0.1:0/cb", "http://127.0.0.1:05000/cb",
                "http://127.0.0.1:65536/cb", "http://127.0.0.1:123456/cb", "http://127.0.0.1:5000/cb#f",
                "http://127.0.0.1:5000", "http://127.0.0.1:-1/cb", "http://127.0.0.1:+80/cb")) {
            assertThat(LOOPBACK_V4.matches(requested)).as(requested).isFalse();
        }
    }

    @Test
    void matchesWhenLocalhostRegisteredThenOnlyLiteralLocalhostWithAnyPort() {
        // RU-03 LIB: a registered localhost gets the port rule for the literal localhost only
        RedirectUri localhost = new RedirectUri("http://localhost/cb");
        assertThat(localhost.matches("http://localhost:3000/cb")).isTrue();
        assertThat(localhost.matches("http://127.0.0.1:3000/cb")).isFalse();
        assertThat(localhost.matches("http://LOCALHOST:3000/cb")).isFalse();
        assertThat(localhost.matches("http://localhost.evil.test:3000/cb")).isFalse();
    }

    @Test
    void matchesWhenHttpsOnLoopbackAddressThenPortCompared() {
        // OAuth 2.1 §8.4.2 covers http loopback redirects only
        RedirectUri https = new RedirectUri("https://127.0.0.1/cb");
        assertThat(https.matches("https://127.0.0.1:8443/cb")).isFalse();
    }

    @Test
    void matchesWhenExtraPathThenFalse() {
        // A-007, OAuth 2.1 §2.3.1: the complete redirect URI, path included
        assertThat(APP.matches("https://app.example.test/cb/extra")).isFalse();
        assertThat(APP.matches("https://app.example.test/cb/")).isFalse();
        assertThat(APP.matches("https://app.example.test/c")).isFalse();
    }

    @Test
    void matchesWhenQueryVariesThenFalse() {
        // A-008: only the exact registered query matches
        for (String requested : List.of("https://conf.example.test/cb?tenant=2",
                "https://conf.example.test/cb?tenant=1&x=1", "https://conf.example.test/cb?x=1&tenant=1",
                "https://conf.example.test/cb", "https://conf.example.test/cb?tenant=%31")) {
            assertThat(CONF1.matches(requested)).as(requested).isFalse();
        }
    }

    @Test
    void matchesWhenNormalisationWouldBeNeededThenFalse() {
        // RU-02: no default port, no percent-decoding, no dot-segment removal, no userinfo tolerance
        for (String requested : List.of("https://app.example.test:443/cb", "https://app.example.test/%63b",
                "https://app.example.test/x/../cb", "https://app.example.test/./cb", "https://u@app.example.test/cb",
                "https://app.example.test/cb#", "https://app.example.test/*", "https://app.example.test/cb ")) {
            assertThat(APP.matches(requested)).as(requested).isFalse();
        }
    }

    @Test
    void matchesWhenAuthorityOrEncodingTricksThenFalse() {
        // RU-02, RFC 9700 §4.1.1: userinfo and host-suffix lookalikes, encoded or double-encoded traversal, https port
        // changes, IDN forms, a lone fragment or trailing dot: no pattern, no normalisation, no decoding
        for (String requested : List.of("https://app.example.test@evil.test/cb",
                "https://app.example.test%40evil.test/cb", "https://app.example.test.evil.test/cb",
                "https://evil.test/app.example.test/cb", "https://evilapp.example.test/cb",
                "https://app.example.test./cb", "https://app.example.test:8443/cb", "https://app.example.test:/cb",
                "https://app.example.test/cb/../cb", "https://app.example.test/cb/%2e%2e/cb",
                "https://app.example.test/x/%2E%2E/cb", "https://app.example.test/x/%252e%252e/cb",
                "https://app.example.test/%63%62", "https://app.example.test/cb%2F", "https://app.example.test/cb;x",
                "https://app.example.test//cb", "https://app.example.test\\@evil.test/cb",
                "https://xn--pp-zka.example.test/cb", "https://\u0430pp.example.test/cb",
                "https://app.example.test/cb#", "https://app.example.test/cb#x", "http://app.example.test/cb",
                "https://app.example.test/cb%00",
                "https://app.example.test/cb%0d%0aLocation:%20https://evil.test")) {
            assertThat(APP.matches(requested)).as(requested).isFalse();
        }
    }

    @Test
    void matchesWhenLoopbackFamilyOrAuthorityDiffersThenFalse() {
        // RU-03: IPv4 and IPv6 loopback are distinct literals; the port rule keeps userinfo and host tricks out
        for (String requested : List.of("http://[::1]:5000/cb", "http://[::1]/cb", "http://[::1%25eth0]:5000/cb",
                "http://127.0.0.1:5000@[::1]/cb", "http://user@127.0.0.1:5000/cb", "http://127.0.0.1%2f:5000/cb",
                "http://127.0.0.1:5000/cb/..", "http://127.0.0.1:5000//cb", "http://127.0.0.1:5000/cb%2F",
                "http://127.0.0.1:5000\\@evil.test/cb", "http://127.0.0.1:5000:6000/cb")) {
            assertThat(LOOPBACK_V4.matches(requested)).as(requested).isFalse();
        }
        for (String requested : List.of("http://127.0.0.1:5000/cb", "http://[::1]:5000@evil.test/cb",
                "http://[::1]evil.test/cb", "http://[::1]:5000/cb?x")) {
            assertThat(LOOPBACK_V6.matches(requested)).as(requested).isFalse();
        }
        assertThat(LOOPBACK_V6.matches("http://[::1]/cb")).isTrue();
    }

    @Test
    void validateForRegistrationWhenBadValuesThenViolations() {
        // A-069: non-loopback http, fragment, relative, wildcard host, private-use scheme without a dot
        for (String bad : List.of("http://app.example.test/cb", "https://app.example.test/cb#x", "/cb",
                "https://*.example.test/cb", "myapp:/cb", "http://127.0.0.1.evil.test/cb", "http://127.1/cb",
                "http://[::ffff:127.0.0.1]/cb", "http://LOCALHOST/cb", "HTTP://app.example.test/cb",
                "https:/cb", "https:///cb", "https://u:p@app.example.test/cb", "http://127.0.0.1:80@evil.test/cb",
                "", "https://app.example.test/c b", "https://app.example.test/\u00e9", "cb")) {
            Violations v = RedirectUri.validateForRegistration(bad);
            assertThat(v.isEmpty()).as(bad).isFalse();
            assertThat(v.items()).allSatisfy(i -> assertThat(i.pointer()).isEmpty());
            assertThat(RedirectUri.parse(bad).isValid()).as(bad).isFalse();
            assertThatThrownBy(() -> new RedirectUri(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(RedirectUri.validateForRegistration("https://a.test/" + "x".repeat(RedirectUri.MAX_LENGTH))
                .isEmpty()).isFalse();
    }

    @Test
    void validateForRegistrationWhenScriptOrLocalSchemeThenViolation() {
        // A-071, RU-05: javascript:, data:, vbscript: (and file:, blob:, about:) in any case
        for (String bad : List.of("javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
                "blob:https://app.example.test/1", "about:blank", "JavaScript:alert(1)", "DATA:text/html,x")) {
            Violations v = RedirectUri.validateForRegistration(bad);
            assertThat(v.items()).as(bad).singleElement()
                    .satisfies(i -> assertThat(i.message()).contains("scheme").doesNotContain(bad));
        }
    }

    @Test
    void validateForRegistrationWhenControlsThenNoViolation() {
        // A-069 controls, RU-04: loopback http and reverse-domain private-use schemes are fine
        for (String good : List.of("http://127.0.0.1/cb", "http://[::1]/cb", "http://localhost/cb",
                "http://127.0.0.1:8080/cb", "com.example.app:/cb", "com.example.app:/oauth2redirect/example-provider",
                "https://app.example.test/cb", "https://conf.example.test/cb?tenant=1", "https://app.example.test",
                "https://app.example.test:8443/cb")) {
            assertThat(RedirectUri.validateForRegistration(good).items()).as(good).isEmpty();
            assertThat(RedirectUri.parse(good).orElseThrow().value()).isEqualTo(good);
        }
    }

    @Test
    void selectWhenRequestedMatchesThenRequestedWithItsPort() {
        // A-005: the redirect goes to exactly the requested URI, port included
        assertThat(RedirectUri.select(List.of(APP, LOOPBACK_V4), Optional.of("http://127.0.0.1:51004/cb")))
                .isEqualTo("http://127.0.0.1:51004/cb");
    }

    @Test
    void selectWhenRequestedDoesNotMatchThenInvalidRequestEvenWithOneRegistered() {
        // A-001, RU-07: no fallback to the registered default
        assertOAuthError(() -> RedirectUri.select(List.of(APP), Optional.of("https://app.example.test/cb2")),
                OAuthError.INVALID_REQUEST, "redirect_uri", "https://app.example.test/cb2");
    }

    @Test
    void selectWhenSeveralRegisteredThenOnlyAnExactOneAndNeverTheFirstAsDefault() {
        // RU-06, RU-07: with several registered (multi), a request must name one exactly; a near miss is refused
        List<RedirectUri> multi = List.of(new RedirectUri("https://m.example.test/a"),
                new RedirectUri("https://m.example.test/b"));
        assertThat(RedirectUri.select(multi, Optional.of("https://m.example.test/b")))
                .isEqualTo("https://m.example.test/b");
        for (String near : List.of("https://m.example.test/c", "https://m.example.test/a/",
                "https://m.example.test/")) {
            assertOAuthError(() -> RedirectUri.select(multi, Optional.of(near)), OAuthError.INVALID_REQUEST,
                    "redirect_uri");
        }
    }

    @Test
    void selectWhenAbsentThenTheOnlyRegisteredOrInvalidRequest() {
        // RU-06, OAuth 2.1 §2.3.2: redirect_uri is REQUIRED when several are registered
        assertThat(RedirectUri.select(List.of(APP), Optional.empty())).isEqualTo(APP.value());
        assertOAuthError(() -> RedirectUri.select(List.of(APP, LOOPBACK_V4), Optional.empty()),
                OAuthError.INVALID_REQUEST, "redirect_uri");
        assertOAuthError(() -> RedirectUri.select(List.of(), Optional.empty()), OAuthError.INVALID_REQUEST,
                "redirect_uri");
    }
}
