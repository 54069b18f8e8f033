package dev.lanyard.grants.idjag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IdJagSettingsTest {

    @Test
    void defaultsThenShortIdJagsCappedSubjectTokensOneTimeUse() {
        IdJagSettings d = IdJagSettings.defaults();
        assertThat(d.idJagLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.maxSubjectTokenLength()).isEqualTo(4096);
        assertThat(d.maxAssertionLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.oneTimeUse()).isTrue();
        assertThat(d.withIdJagLifetime(Duration.ofMinutes(1)).withMaxSubjectTokenLength(100)
                .withMaxAssertionLifetime(Duration.ofMinutes(2)).withOneTimeUse(false))
                .isEqualTo(new IdJagSettings(Duration.ofMinutes(1), 100, Duration.ofMinutes(2), false));
    }

    @Test
    void constructorWhenNotPositiveThenRefused() {
        IdJagSettings d = IdJagSettings.defaults();
        assertThatThrownBy(() -> d.withIdJagLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxAssertionLifetime(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxSubjectTokenLength(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
