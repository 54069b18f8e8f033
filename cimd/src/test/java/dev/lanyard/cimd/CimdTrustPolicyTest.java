package dev.lanyard.cimd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CimdTrustPolicyTest {

    private static ClientIdUrl url(String host) {
        return ClientIdUrl.parse("https://" + host + "/client.json");
    }

    @Test
    void allowAnyWhenAnyHostThenAllowed() {
        CimdTrustPolicy any = CimdTrustPolicy.allowAny();
        assertThat(any.allowFetch(url("anything.example"))).isTrue();
        assertThat(any.toString()).contains("allowed=any");
    }

    // CIMD -02 §8.9: domain allow-lists; "example.com" is the host itself, ".example.com" / "*.example.com" below it
    @ParameterizedTest
    @CsvSource({
        "example.com, example.com, true",
        "example.com, EXAMPLE.com, true",
        "example.com, app.example.com, false",
        ".example.com, app.example.com, true",
        ".example.com, a.b.example.com, true",
        ".example.com, example.com, false",
        ".example.com, evilexample.com, false",
        "*.example.com, app.example.com, true",
        "*.example.com, example.com.evil.test, false",
        "App.Example.com, app.example.com, true"})
    void allowHostsWhenPatternThenMatchesHostCaseInsensitively(String pattern, String host, boolean allowed) {
        assertThat(CimdTrustPolicy.allowHosts(List.of(pattern)).allowFetch(url(host))).isEqualTo(allowed);
    }

    @Test
    void denyHostsWhenMatchedThenRefusedOthersAllowed() {
        CimdTrustPolicy deny = CimdTrustPolicy.denyHosts(List.of(".evil.test", "bad.example"));
        assertThat(deny.allowFetch(url("x.evil.test"))).isFalse();
        assertThat(deny.allowFetch(url("bad.example"))).isFalse();
        assertThat(deny.allowFetch(url("good.example"))).isTrue();
    }

    // A fully qualified host name (trailing dot) is the same host: no way around a deny-list
    @Test
    void denyHostsWhenTrailingDotThenStillDenied() {
        CimdTrustPolicy deny = CimdTrustPolicy.denyHosts(List.of(".evil.test", "bad.example"));
        assertThat(deny.allowFetch(url("x.evil.test."))).isFalse();
        assertThat(deny.allowFetch(url("bad.example."))).isFalse();
        assertThat(CimdTrustPolicy.allowHosts(List.of("good.example")).allowFetch(url("good.example."))).isTrue();
    }

    @Test
    void hostsWhenAllowedAndDeniedThenDenyWins() {
        CimdTrustPolicy p = CimdTrustPolicy.hosts(List.of(".example.com"), List.of("bad.example.com"));
        assertThat(p.allowFetch(url("good.example.com"))).isTrue();
        assertThat(p.allowFetch(url("bad.example.com"))).isFalse();
        assertThat(p.allowFetch(url("other.test"))).isFalse();
        assertThat(p.allowClient(CimdValidatorTestSupport.document())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "*", ".", "*.", "exa mple.com", "https://example.com", "example.com/x",
        "example..com", "example.com.", "ex_ample.com", "[::1]", "example.com:443"})
    void hostsWhenPatternInvalidThenIllegalArgumentNamingIt(String pattern) {
        assertThatThrownBy(() -> CimdTrustPolicy.allowHosts(List.of(pattern)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a host name pattern");
    }

    @Test
    void allowHostsWhenEmptyThenIllegalArgument() {
        assertThatThrownBy(() -> CimdTrustPolicy.allowHosts(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
