package dev.lanyard.as.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.store.Consent;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

class DefaultConsentPolicyTest {

    static final ResourceIndicator RS = new ResourceIndicator("https://rs.example.test/api");
    static final RegisteredClient CLIENT = RegisteredClient.builder("pub1")
            .redirectUris("https://app.example.test/cb", "http://127.0.0.1/cb").build();
    final DefaultConsentPolicy policy = new DefaultConsentPolicy();

    static ConsentRequest request(String redirectUri, String scope, Optional<String> prompt) {
        return new ConsentRequest(CLIENT, "u-alice", redirectUri, Scope.parse(scope), List.of(RS), prompt);
    }

    static Optional<Consent> stored(String scope) {
        return Optional.of(new Consent("u-alice", "pub1", Scope.parse(scope), List.of(RS), Instant.EPOCH));
    }

    @Test
    void mustAskWhenNothingStored() {
        assertThat(policy.mustAsk(request("https://app.example.test/cb", "a", Optional.empty()), Optional.empty()))
                .isTrue();
    }

    @Test
    void mustAskNotWhenAStoredConsentCoversAnHttpsRedirect() {
        assertThat(policy.mustAsk(request("https://app.example.test/cb", "a", Optional.empty()), stored("a b")))
                .isFalse();
    }

    @Test
    void mustAskWhenTheStoredConsentIsNarrower() {
        assertThat(policy.mustAsk(request("https://app.example.test/cb", "a b", Optional.empty()), stored("a")))
                .isTrue();
    }

    @Test
    void mustAskAlwaysForNativeAppRedirects() {
        // AZ-21: loopback and private-use scheme redirect URIs belong to native apps, which can be impersonated
        assertThat(policy.mustAsk(request("http://127.0.0.1:5000/cb", "a", Optional.empty()), stored("a")))
                .isTrue();
        assertThat(policy.mustAsk(request("com.example.app:/cb", "a", Optional.empty()), stored("a"))).isTrue();
    }

    @Test
    void mustAskWhenPromptConsent() {
        assertThat(policy.mustAsk(request("https://app.example.test/cb", "a", Optional.of("login consent")),
                stored("a"))).isTrue();
        assertThat(request("https://x.test/cb", "a", Optional.of("none")).prompts("consent")).isFalse();
    }
}
