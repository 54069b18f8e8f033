package dev.lanyard.as.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.lanyard.as.AsConfigKeys;

/** The sign-in continuation rules: the hop through the container's login is no open redirector (RFC 9700 §4.11.2). */
class AuthorizationFlowTest {

    static AuthorizationFlow flow(String issuer) {
        return new AuthorizationFlow(SettingsReader.read(SettingsReaderTest.minimal()
                .with(AsConfigKeys.ISSUER, issuer)), null, null, null, null, null, null, c -> List.of(),
                Clock.systemUTC());
    }

    @Test
    void isContinuationAcceptsTheAuthorizationEndpointAndTheWithdrawalPageOnly() {
        AuthorizationFlow f = flow("https://as.example.test");
        assertThat(f.isContinuation("/authorize?client_id=pub1&state=x")).isTrue();
        assertThat(f.isContinuation("/authorize/consent/withdraw?client_id=pub1")).isTrue();
        for (String bad : new String[] {null, "", "/authorize", "/authorizex?a", "/authorize/../admin?x",
            "//evil.test/authorize?x", "https://evil.test/authorize?x", "/authorize?a#b", "/authorize?a b",
            "/authorize?a\r\nSet-Cookie:x", "/authorize?\\evil", "/admin?x", "/authorize/consent?x",
            "/authorize?" + "a".repeat(70_000)}) {
            assertThat(f.isContinuation(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void isContinuationUnderAnIssuerWithAPath() {
        AuthorizationFlow f = flow("https://as.example.test/tenant-a");
        assertThat(f.authorizationPath()).isEqualTo("/tenant-a/authorize");
        assertThat(f.isContinuation("/tenant-a/authorize?x=1")).isTrue();
        assertThat(f.isContinuation("/authorize?x=1")).isFalse();
        assertThat(f.isContinuation("/tenant-b/authorize?x=1")).isFalse();
        assertThat(f.continuationUrl("/tenant-a/authorize?x=1"))
                .isEqualTo("https://as.example.test/tenant-a/authorize?x=1");
    }

    @Test
    void everyAcceptedContinuationStaysOnTheIssuersOriginAndEndpoint() throws URISyntaxException {
        // property: of 10,000 random and mutated paths, whatever is accepted resolves to the issuer's origin and
        // the authorization endpoint's path
        AuthorizationFlow f = flow("https://as.example.test:8443");
        Random random = new Random(20260101L);
        String[] seeds = {"/authorize?client_id=a", "/authorize/consent/withdraw?client_id=a", "//evil.test/x",
            "https://evil.test", "/authorize?%2F%2Fevil", "/authorize?x=@evil.test"};
        String alphabet = "/?#@:.%\\ab=&\r\n\t \u0000\u00e9";
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            StringBuilder s = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int m = random.nextInt(4); m > 0; m--) {
                int at = random.nextInt(s.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(3)));
                    default -> s.insert(0, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String path = s.toString();
            if (f.isContinuation(path)) {
                accepted++;
                URI target = new URI(f.continuationUrl(path));
                assertThat(target.getHost()).as(path).isEqualTo("as.example.test");
                assertThat(target.getPort()).as(path).isEqualTo(8443);
                assertThat(target.getRawPath()).as(path).startsWith("/authorize");
            }
        }
        assertThat(accepted).isGreaterThan(1000);
    }
}
