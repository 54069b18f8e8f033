package dev.lanyard.grants.idjag;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrustedIdentityProvidersTest {

    private static final String IDP = "https://idp.example.test";

    @Test
    void ofWhenConfiguredThenTrustedByExactIssuer() {
        TrustedIdentityProviders p = TrustedIdentityProviders.of(Map.of(IDP, URI.create(IDP + "/keys")));
        assertThat(p.trusts(IDP)).isTrue();
        assertThat(p.jwksUri(IDP)).contains(URI.create(IDP + "/keys"));
        // RFC 8414 §3.3 style: issuer identifiers compare as strings, no normalisation
        for (String near : new String[] {"https://IDP.example.test", IDP + "/", "http://idp.example.test"}) {
            assertThat(p.trusts(near)).isFalse();
            assertThat(p.jwksUri(near)).isEmpty();
        }
    }
}
