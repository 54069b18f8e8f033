package dev.lanyard.cimd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.fetch.FetchPolicy;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.ref.Specs;

class CimdSettingsTest {

    @Test
    void defaultsWhenCreatedThenSafe() {
        CimdSettings d = CimdSettings.defaults();
        assertThat(d.enabled()).isFalse();
        assertThat(d.insecureTestFetch()).as("the test switch is never on by default").isFalse();
        assertThat(d.cacheMinTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.cacheMaxTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(d.staleIfErrorMax()).isZero();
        assertThat(d.fetchTimeout()).isEqualTo(Duration.ofMillis(2_500));
        assertThat(d.maxBodyBytes()).isEqualTo(5 * 1024);
        assertThat(d.tokenEndpointAuthMethods())
                .containsExactlyInAnyOrder(ClientAuthMethod.NONE, ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(CimdSettings.ACKNOWLEDGED_DRAFT).isEqualTo(Specs.CIMD);
    }

    // CIMD -02 §5 (200 only, no redirects), §8.6 (special-use addresses), §8.7 (5 KB)
    @Test
    void documentFetchPolicyWhenDefaultsThenStrict() {
        FetchPolicy p = CimdSettings.defaults().documentFetchPolicy();
        assertThat(p.allowLoopback()).isFalse();
        assertThat(p.maxRedirects()).isZero();
        assertThat(p.maxBodyBytes()).isEqualTo(FetchPolicy.CIMD_MAX_BODY_BYTES);
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofMillis(2_500));
        assertThat(p.totalTimeout()).isEqualTo(Duration.ofMillis(2_500));
        assertThat(p.acceptHeader()).startsWith("application/json");
        assertThat(p.accepts("application/json")).isTrue();
        assertThat(p.accepts("text/html")).isFalse();
        assertThat(CimdSettings.defaults().withInsecureTestFetch(true).documentFetchPolicy().allowLoopback()).isTrue();
        // CM-06: port 443 only, unless configured; test servers listen on ephemeral ports
        assertThat(p.allowedPorts()).containsExactly(443);
        assertThat(CimdSettings.defaults().withInsecureTestFetch(true).documentFetchPolicy().allowedPorts()).isEmpty();
    }

    @Test
    void withersWhenUsedThenOnlyTheirComponentChanges() {
        CimdSettings d = CimdSettings.defaults();
        CimdTrustPolicy policy = CimdTrustPolicy.denyHosts(java.util.List.of("x.test"));
        CimdSettings s = d.withEnabled(true).withTrustPolicy(policy)
                .withCache(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5), 50)
                .withFetch(Duration.ofSeconds(1), 4096).withFetchPorts(Set.of(443, 8443))
                .withTokenEndpointAuthMethods(Set.of(ClientAuthMethod.NONE));
        assertThat(s).isEqualTo(new CimdSettings(true, policy, Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofMinutes(5), 50, Duration.ofSeconds(1), 4096, Set.of(443, 8443),
                Set.of(ClientAuthMethod.NONE), false));
    }

    @Test
    void constructorWhenBoundsWrongThenIllegalArgument() {
        CimdSettings d = CimdSettings.defaults();
        assertThatThrownBy(() -> d.withCache(Duration.ofHours(2), Duration.ofHours(1), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withCache(Duration.ZERO, Duration.ofHours(1), Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withCache(Duration.ZERO, Duration.ofHours(1), Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withFetch(Duration.ZERO, 5120)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withFetch(Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withFetchPorts(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withFetchPorts(Set.of(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withTokenEndpointAuthMethods(Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        // CIMD -02 §4.1: never a shared-secret method
        assertThatThrownBy(() -> d.withTokenEndpointAuthMethods(Set.of(ClientAuthMethod.CLIENT_SECRET_POST)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
