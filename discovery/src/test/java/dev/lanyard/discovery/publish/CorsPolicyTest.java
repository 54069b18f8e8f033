package dev.lanyard.discovery.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The CORS decisions (Fetch standard, CORS protocol) the endpoints share, exact headers included. */
class CorsPolicyTest {

    static final CorsPolicy INSPECTOR = CorsPolicy.of(List.of("http://localhost:6274", " HTTP://127.0.0.1:6274 "));

    @Test
    void anAllowedOriginIsEchoedWithoutCredentialsAndTheAnswerVaries() {
        assertThat(INSPECTOR.actualHeaders("http://localhost:6274", List.of("WWW-Authenticate")))
                .containsExactly(Map.entry("Access-Control-Allow-Origin", "http://localhost:6274"),
                        Map.entry("Access-Control-Expose-Headers", "WWW-Authenticate"));
        // scheme and host compared lower-cased, as browsers serialize origins
        assertThat(INSPECTOR.allowOrigin("http://127.0.0.1:6274")).contains("http://127.0.0.1:6274");
        assertThat(INSPECTOR.variesByOrigin()).isTrue();
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeaderAtAll() {
        assertThat(INSPECTOR.actualHeaders("http://evil.test", List.of("WWW-Authenticate"))).isEmpty();
        assertThat(INSPECTOR.actualHeaders("http://localhost:6275", List.of())).isEmpty();
        assertThat(INSPECTOR.actualHeaders("null", List.of())).isEmpty();
        assertThat(INSPECTOR.preflightHeaders("https://localhost:6274", List.of("POST"), List.of("DPoP"))).isEmpty();
        assertThat(INSPECTOR.actualHeaders(null, List.of())).isEmpty();
    }

    @Test
    void aPreflightAnswerNamesMethodsHeadersAndMaxAge() {
        assertThat(INSPECTOR.preflightHeaders("http://localhost:6274", List.of("POST"),
                List.of("Authorization", "Content-Type", "DPoP")))
                .containsExactly(Map.entry("Access-Control-Allow-Origin", "http://localhost:6274"),
                        Map.entry("Access-Control-Allow-Methods", "POST"),
                        Map.entry("Access-Control-Allow-Headers", "Authorization, Content-Type, DPoP"),
                        Map.entry("Access-Control-Max-Age", "600"));
        assertThat(CorsPolicy.isPreflight("OPTIONS", "http://a.test", "POST")).isTrue();
        assertThat(CorsPolicy.isPreflight("OPTIONS", "http://a.test", null)).isFalse();
        assertThat(CorsPolicy.isPreflight("POST", "http://a.test", "POST")).isFalse();
    }

    @Test
    void anyOriginIsAStarThatDoesNotVary() {
        CorsPolicy any = CorsPolicy.of(List.of("*"));
        assertThat(any).isSameAs(CorsPolicy.anyOrigin());
        assertThat(any.actualHeaders("http://whoever.test", List.of()))
                .containsExactly(Map.entry("Access-Control-Allow-Origin", "*"));
        assertThat(any.variesByOrigin()).isFalse();
        // a request without Origin is not a CORS request
        assertThat(any.actualHeaders(null, List.of())).isEmpty();
    }

    @Test
    void theDefaultAllowsNoOrigin() {
        assertThat(CorsPolicy.of(List.of())).isSameAs(CorsPolicy.none());
        assertThat(CorsPolicy.of(List.of(" ", ""))).isSameAs(CorsPolicy.none());
        assertThat(CorsPolicy.none().actualHeaders("http://localhost:6274", List.of())).isEmpty();
        assertThat(CorsPolicy.none().variesByOrigin()).isFalse();
    }

    @Test
    void onlyOriginsAreAccepted() {
        for (String bad : List.of("http://localhost:6274/", "http://a.test/path", "http://a.test?x", "a.test",
                "ftp://a.test", "null", "http://user@a.test", "*.a.test")) {
            assertThatThrownBy(() -> CorsPolicy.of(List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        // "*" only alone: a list with a wildcard is a mistake
        assertThatThrownBy(() -> CorsPolicy.of(List.of("*", "http://a.test")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
