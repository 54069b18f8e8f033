package dev.lanyard.grants.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.lanyard.grants.internal.keys.KeyGeneration;
import dev.lanyard.grants.store.KeyStatus;
import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.StoredSigningKey;
import dev.lanyard.grants.store.memory.InMemorySigningKeyStore;
import dev.lanyard.grants.testing.Concurrently;
import dev.lanyard.grants.testing.MutableClock;

class SigningKeysTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final SigningKeyStore store = new InMemorySigningKeyStore();

    private static Set<String> kids(String jwksJson) throws Exception {
        return JWKSet.parse(jwksJson).getKeys().stream().map(k -> k.getKeyID())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void storedWhenFirstUseThenOneKeyGeneratedAndSharedBySecondNode() {
        SigningKeys node1 = SigningKeys.stored(store, SigningKeyPolicy.defaults(), clock);
        SigningKeys node2 = SigningKeys.stored(store, SigningKeyPolicy.defaults(), clock);
        String kid = node1.activeKeyId();
        assertThat(node2.activeKeyId()).isEqualTo(kid);
        assertThat(store.list()).hasSize(1);
        String jws = node1.sign("at+jwt", "{\"a\":1}");
        assertThat(node2.verify(jws)).map(VerifiedJws::payload).contains("{\"a\":1}");
    }

    @Test
    void storedWhenRestartedOnDatabaseThenSameKey() {
        // Issue: generated on first start and kept in the store, so a restart or a second node uses the same key
        SigningKeyStore db = new dev.lanyard.grants.store.jpa.JpaSigningKeyStore(
                dev.lanyard.grants.testing.TestDatabase.transactions());
        db.list().forEach(k -> db.delete(k.kid()));
        String kid = SigningKeys.stored(db, SigningKeyPolicy.defaults(), clock).activeKeyId();
        SigningKeys restarted = SigningKeys.stored(db, SigningKeyPolicy.defaults(), clock);
        assertThat(restarted.activeKeyId()).isEqualTo(kid);
        assertThat(db.list()).hasSize(1);
    }

    @Test
    void storedWhenNodesStartTogetherThenOneFirstKey() throws InterruptedException {
        List<Object> kids = Concurrently.run(8,
                () -> SigningKeys.stored(store, SigningKeyPolicy.defaults(), clock).activeKeyId());
        assertThat(Set.copyOf(kids)).hasSize(1);
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void storedWhenRotationDueThenNextPublishedBeforeItSigns() throws Exception {
        SigningKeys keys = SigningKeys.stored(store, SigningKeyPolicy.defaults(), clock);
        String first = keys.activeKeyId();
        clock.advance(Duration.ofDays(29).plusHours(1)); // within the 1-day publish-ahead window of day 30
        keys.refresh();
        assertThat(store.list()).hasSize(2);
        String next = store.list().get(1).kid();
        assertThat(keys.activeKeyId()).isEqualTo(first);
        assertThat(kids(keys.publicJwksJson())).containsExactlyInAnyOrder(first, next);
        assertThat(store.list().get(1).status()).isEqualTo(KeyStatus.NEXT);

        // the next key activates a full publish-ahead period after it was published: day 30 + 1 h
        clock.advance(Duration.ofHours(23));
        assertThat(keys.activeKeyId()).isEqualTo(first);
        clock.advance(Duration.ofHours(1));
        assertThat(keys.activeKeyId()).isEqualTo(next);
        assertThat(kids(keys.publicJwksJson())).containsExactlyInAnyOrder(first, next); // old one still published

        clock.advance(Duration.ofDays(1).plusSeconds(61)); // past the retention of the retired key
        keys.refresh();
        assertThat(kids(keys.publicJwksJson())).containsExactly(next);
        assertThat(store.list()).extracting(StoredSigningKey::kid).containsExactly(next);
    }

    @Test
    void storedWhenNoRotationThenSameKeyForever() {
        SigningKeyPolicy never = new SigningKeyPolicy(SigningAlgorithm.ES256, Optional.empty(), Duration.ofDays(1),
                Duration.ofDays(1));
        SigningKeys keys = SigningKeys.stored(store, never, clock);
        String kid = keys.activeKeyId();
        clock.advance(Duration.ofDays(400));
        keys.refresh();
        assertThat(keys.activeKeyId()).isEqualTo(kid);
        assertThat(store.list()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void signWhenAlgorithmThenHeaderAndOwnVerification(SigningAlgorithm alg) throws Exception {
        SigningKeys keys = SigningKeys.stored(store, SigningKeyPolicy.defaults().withAlgorithm(alg), clock);
        String jws = keys.sign("at+jwt", "{\"sub\":\"u-alice\"}");
        JWSHeader header = JWSObject.parse(jws).getHeader();
        assertThat(header.getAlgorithm().getName()).isEqualTo(alg.jwsName());
        assertThat(header.getType().getType()).isEqualTo("at+jwt");
        assertThat(header.getKeyID()).isEqualTo(keys.activeKeyId());
        assertThat(keys.verify(jws)).map(VerifiedJws::typ).contains(Optional.of("at+jwt"));
    }

    @Test
    void publicJwksWhenPublishedThenNoPrivateMembers() throws Exception {
        for (SigningAlgorithm alg : SigningAlgorithm.values()) {
            SigningKeys keys = SigningKeys.fixed(new JWKSet(KeyGeneration.generate(alg)).toString(false));
            String jwks = keys.publicJwksJson();
            assertThat(JWKSet.parse(jwks).getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
            assertThat(jwks).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"dp\"");
        }
    }

    @Test
    void verifyWhenTamperedOrForeignOrUnsignedThenEmpty() throws Exception {
        SigningKeys keys = SigningKeys.stored(store, SigningKeyPolicy.defaults(), clock);
        String jws = keys.sign("at+jwt", "{\"sub\":\"u-alice\"}");
        String[] parts = jws.split("\\.");
        String tampered = parts[0] + "." + new Payload("{\"sub\":\"u-mallory\"}").toBase64URL() + "." + parts[2];
        assertThat(keys.verify(tampered)).isEmpty();
        // the right kid, but the attacker's key
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.activeKeyId()).build(),
                new Payload("{\"sub\":\"u-alice\"}"));
        forged.sign(new ECDSASigner(attacker));
        assertThat(keys.verify(forged.serialize())).isEmpty();
        // alg none
        assertThat(keys.verify("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1LWFsaWNlIn0.")).isEmpty();
        assertThat(keys.verify("garbage")).isEmpty();
        assertThat(keys.verify("a".repeat(20_000))).isEmpty();
    }

    @Test
    void fixedWhenPublicKeyOnlyThenRefused() {
        String publicOnly = new JWKSet(KeyGeneration.generate(SigningAlgorithm.ES256).toPublicJWK()).toString(false);
        assertThatThrownBy(() -> SigningKeys.fixed(publicOnly)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.fixed("{\"keys\":[]}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixedWhenSeveralThenFirstSignsAllPublished() throws Exception {
        var a = KeyGeneration.generate(SigningAlgorithm.RS256);
        var b = KeyGeneration.generate(SigningAlgorithm.ES256);
        SigningKeys keys = SigningKeys.fixed(new JWKSet(List.of(a, b)).toString(false));
        assertThat(keys.activeKeyId()).isEqualTo(a.getKeyID());
        assertThat(kids(keys.publicJwksJson())).containsExactlyInAnyOrder(a.getKeyID(), b.getKeyID());
    }
}
