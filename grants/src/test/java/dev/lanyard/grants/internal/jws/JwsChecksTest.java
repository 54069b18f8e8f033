package dev.lanyard.grants.internal.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.internal.ClientKeys;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

class JwsChecksTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration MAX = Duration.ofMinutes(5);
    private static final JwsChecks.Failure FAIL = reason -> OAuthException.of(OAuthError.INVALID_GRANT, reason, null);

    private static void times(Instant exp, Optional<Long> nbf, Optional<Long> iat) {
        JwsChecks.requireTimes(exp, nbf, iat, NOW, SKEW, MAX, FAIL);
    }

    @Test
    void requireTimesWhenAtTheSkewBoundariesThenExpiredAtExactlyExpPlusSkew() {
        // RFC 7523 §3 item 4: exp passed, with a reasonable skew
        assertThatCode(() -> times(NOW.minusSeconds(59), Optional.empty(), Optional.empty()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> times(NOW.minusSeconds(60), Optional.empty(), Optional.empty()))
                .hasMessageContaining("expired");
    }

    @Test
    void requireTimesWhenExpBeyondMaxLifetimeThenRefused() {
        assertThatCode(() -> times(NOW.plus(MAX).plus(SKEW), Optional.empty(), Optional.empty()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> times(NOW.plus(MAX).plus(SKEW).plusSeconds(1), Optional.empty(), Optional.empty()))
                .hasMessageContaining("exp too far");
    }

    @Test
    void requireTimesWhenNbfOrIatInTheFutureBeyondSkewThenRefused() {
        Instant exp = NOW.plusSeconds(120);
        long inSkew = NOW.plusSeconds(60).getEpochSecond();
        long beyond = NOW.plusSeconds(61).getEpochSecond();
        assertThatCode(() -> times(exp, Optional.of(inSkew), Optional.of(inSkew))).doesNotThrowAnyException();
        assertThatThrownBy(() -> times(exp, Optional.of(beyond), Optional.empty())).hasMessageContaining("nbf");
        assertThatThrownBy(() -> times(exp, Optional.empty(), Optional.of(beyond))).hasMessageContaining("iat");
    }

    @Test
    void requireSafeHeaderWhenAlgNotAllowedOrCritThenRefused() {
        assertThatThrownBy(() -> JwsChecks.requireSafeHeader(new JWSHeader(JWSAlgorithm.HS256),
                ClientKeys.ID_JAG_ALGORITHMS, FAIL)).hasMessageContaining("alg");
        assertThatThrownBy(() -> JwsChecks.requireSafeHeader(new JWSHeader(JWSAlgorithm.EdDSA),
                ClientKeys.ASSERTION_ALGORITHMS, FAIL)).hasMessageContaining("alg");
        assertThatCode(() -> JwsChecks.requireSafeHeader(new JWSHeader(JWSAlgorithm.EdDSA),
                ClientKeys.ID_JAG_ALGORITHMS, FAIL)).doesNotThrowAnyException();
        JWSHeader crit = new JWSHeader.Builder(JWSAlgorithm.ES256).criticalParams(Set.of("b64")).build();
        assertThatThrownBy(() -> JwsChecks.requireSafeHeader(crit, ClientKeys.ID_JAG_ALGORITHMS, FAIL))
                .hasMessageContaining("crit");
    }

    @Test
    void parseWhenUnsecuredOrGarbageThenRefusedByTheCallersFailure() {
        OAuthException e = (OAuthException) catchThrowable(
                () -> JwsChecks.parse("eyJhbGciOiJub25lIn0.e30.", FAIL));
        assertThat(e.error().code()).isEqualTo("invalid_grant");
        assertThatThrownBy(() -> JwsChecks.parse("a.b", FAIL)).isInstanceOf(OAuthException.class);
    }
}
