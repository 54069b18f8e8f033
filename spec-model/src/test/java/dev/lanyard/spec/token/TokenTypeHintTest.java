package dev.lanyard.spec.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenTypeHintTest {

    @Test
    void constantsAreTheRfc7009Values() {
        // RFC 7009 §2.1
        assertThat(TokenTypeHint.ACCESS_TOKEN.value()).isEqualTo("access_token");
        assertThat(TokenTypeHint.REFRESH_TOKEN.toString()).isEqualTo("refresh_token");
        assertThat(new TokenTypeHint("access_token")).isEqualTo(TokenTypeHint.ACCESS_TOKEN);
    }

    @Test
    void constructorWhenEmptyOrOversizeThenIllegalArgument() {
        assertThatThrownBy(() -> new TokenTypeHint("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenTypeHint("h".repeat(TokenTypeHint.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenTypeHint(null)).isInstanceOf(NullPointerException.class);
    }
}
