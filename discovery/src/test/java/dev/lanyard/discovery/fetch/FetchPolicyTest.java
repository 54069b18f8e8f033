package dev.lanyard.discovery.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FetchPolicyTest {

    @Test
    void defaultsWhenCreatedThenStrict() {
        FetchPolicy policy = FetchPolicy.defaults();
        assertThat(policy.allowLoopback()).isFalse();
        assertThat(policy.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(policy.maxRedirects()).isZero();
        assertThat(policy.allowedPorts()).isEmpty();
        assertThat(policy.totalTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void acceptsWhenJsonOrJsonSuffixThenTrue() {
        FetchPolicy policy = FetchPolicy.defaults();
        assertThat(policy.accepts("application/json")).isTrue();
        assertThat(policy.accepts("Application/JSON")).isTrue();
        assertThat(policy.accepts("application/jwk-set+json")).isTrue();
        assertThat(policy.accepts("application/+json")).isFalse();
        assertThat(policy.accepts("text/html")).isFalse();
        assertThat(policy.accepts("text/json")).isFalse();
        assertThat(policy.accepts("")).isFalse();
        assertThat(policy.withAcceptedContentTypes(List.of()).accepts("text/html")).isTrue();
    }

    @Test
    void withersWhenUsedThenOnlyThatComponentChanges() {
        FetchPolicy base = FetchPolicy.defaults();
        FetchPolicy changed = base.withMaxBodyBytes(FetchPolicy.CIMD_MAX_BODY_BYTES).withAllowedPorts(Set.of(443));
        assertThat(changed.maxBodyBytes()).isEqualTo(5 * 1024);
        assertThat(changed.allowedPorts()).containsExactly(443);
        assertThat(changed.connectTimeout()).isEqualTo(base.connectTimeout());
        assertThat(base.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(base.acceptHeader()).isEqualTo("application/json, application/*+json");
    }

    @Test
    void constructorWhenOutOfRangeThenIllegalArgument() {
        FetchPolicy base = FetchPolicy.defaults();
        assertThatThrownBy(() -> base.withTotalTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withMaxBodyBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withMaxRedirects(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withAllowedPorts(Set.of(0))).isInstanceOf(IllegalArgumentException.class);
    }
}
