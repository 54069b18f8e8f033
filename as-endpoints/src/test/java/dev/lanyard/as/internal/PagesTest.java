package dev.lanyard.as.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The consent page's {@code form-action} source: where the browser may follow the answer's redirect. */
class PagesTest {

    @Test
    void httpRedirectUrisGiveTheirOrigin() {
        assertThat(Pages.formActionSource("http://127.0.0.1:49152/callback?x=1")).contains("http://127.0.0.1:49152");
        assertThat(Pages.formActionSource("https://app.example.test/cb")).contains("https://app.example.test");
        assertThat(Pages.formActionSource("HTTPS://App.Example.test:8443/cb"))
                .contains("https://App.Example.test:8443");
        assertThat(Pages.formActionSource("http://[::1]:8080/cb")).contains("http://[::1]:8080");
    }

    @Test
    void privateUseSchemesGiveTheirScheme() {
        // RFC 8252 §7.1
        assertThat(Pages.formActionSource("com.example.app:/oauth2redirect")).contains("com.example.app:");
    }

    @Test
    void nothingThatCouldBreakOutOfTheHeader() {
        assertThat(Pages.formActionSource("not a uri")).isEmpty();
        assertThat(Pages.formActionSource("/relative")).isEmpty();
        assertThat(Pages.formActionSource("https://a.test;script-src/cb")).isEmpty();
        assertThat(Pages.formActionSource("https://user@a_b.test/cb")).isEmpty();
    }
}
