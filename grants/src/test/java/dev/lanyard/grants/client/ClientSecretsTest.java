package dev.lanyard.grants.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientSecretsTest {

    @Test
    void generateWhenCalledThen256RandomBits() {
        String a = ClientSecrets.generate();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(ClientSecrets.generate()).isNotEqualTo(a);
    }

    @Test
    void matchesWhenSameSecretThenTrueElseFalse() {
        String secret = ClientSecrets.generate();
        String stored = ClientSecrets.hash(secret);
        assertThat(ClientSecrets.isStoredForm(stored)).isTrue();
        assertThat(ClientSecrets.matches(secret, stored)).isTrue();
        assertThat(ClientSecrets.matches(secret + "x", stored)).isFalse();
        assertThat(ClientSecrets.matches("", stored)).isFalse();
        assertThat(ClientSecrets.matches(secret, "garbage")).isFalse();
    }

    @Test
    void hashWhenShortSecretThenRefused() {
        // A-042 spirit: no short or empty shared secrets
        assertThatThrownBy(() -> ClientSecrets.hash("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
