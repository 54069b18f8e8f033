package dev.lanyard.grants.dpop;

import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.store.memory.InMemoryReplayGuard;
import dev.lanyard.grants.testing.CrossAppAccess;
import dev.lanyard.grants.testing.MutableClock;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.spec.error.OAuthError;

/** RFC 9449 §4.3: the checks of a DPoP proof at the token endpoint, each refused with {@code invalid_dpop_proof}. */
class DpopProofVerifierTest {

    private static final URI TOKEN = URI.create("https://as.example.test/token");

    private final MutableClock clock = new MutableClock(TestServer.T0);
    private final DpopProofVerifier verifier = new DpopProofVerifier(TOKEN, new InMemoryReplayGuard(100, clock),
            DpopProofVerifier.DEFAULT_WINDOW, clock);
    private final ECKey key = CrossAppAccess.ecKey("k");

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "POST")
                .claim("htu", TOKEN.toString()).issueTime(Date.from(clock.instant()));
    }

    private JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt")).jwk(key.toPublicJWK());
    }

    private String proof(Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims) {
        JWSHeader.Builder h = header();
        header.accept(h);
        JWTClaimsSet.Builder c = claims();
        claims.accept(c);
        SignedJWT jwt = new SignedJWT(h.build(), c.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private void refused(String proof, String rule) {
        assertThat(assertError(() -> verifier.verify(List.of(proof)), OAuthError.INVALID_DPOP_PROOF).error()
                .description()).hasValueSatisfying(d -> assertThat(d).contains(rule));
    }

    @Test
    void verifyWhenValidThenThumbprintOfTheJwk() throws JOSEException {
        String jkt = verifier.verify(List.of(proof(h -> { }, c -> { })));
        assertThat(jkt).isEqualTo(key.toPublicJWK().computeThumbprint().toString());
    }

    @Test
    void thumbprintIsTheRfc7638Example() throws Exception {
        // RFC 7638 §3.1: the example RSA key and its SHA-256 thumbprint
        JWK rsa = JWK.parse("""
                {"kty":"RSA","n":"\
                0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJE\
                CPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2Q\
                vzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6\
                WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",\
                "e":"AQAB","alg":"RS256","kid":"2011-04-29"}""");
        assertThat(DpopProofVerifier.thumbprint(rsa)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void verifyWhenNotOneHeaderThenRefused() {
        // RFC 9449 §4.3 item 1
        String p = proof(h -> { }, c -> { });
        assertError(() -> verifier.verify(List.of(p, proof(h -> { }, c -> { }))), OAuthError.INVALID_DPOP_PROOF);
        assertError(() -> verifier.verify(List.of()), OAuthError.INVALID_DPOP_PROOF);
    }

    @Test
    void verifyWhenNotASignedJwtThenRefused() {
        // items 2 and 5: alg none is no signed JWT; garbage and oversized input neither
        String none = new PlainJWT(claims().build()).serialize();
        refused(none, "not a signed JWT");
        refused("a.b.c", "not a signed JWT");
        refused("x".repeat(9000), "too long");
    }

    @Test
    void verifyWhenTypIsNotDpopJwtThenRefused() {
        // item 4: typ dpop+jwt
        refused(proof(h -> h.type(JOSEObjectType.JWT), c -> { }), "typ");
        refused(proof(h -> h.type(null), c -> { }), "typ");
    }

    @Test
    void verifyWhenSymmetricAlgOrKeyThenRefused() throws JOSEException {
        // item 5: asymmetric algorithms only; item 7: the jwk is a public key
        OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).generate();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK()).build(), claims().build());
        hmac.sign(new MACSigner(oct));
        refused(hmac.serialize(), "alg");
    }

    @Test
    void verifyWhenJwkMissingOrPrivateThenRefused() throws JOSEException {
        // item 7: a public jwk header without private members
        refused(proof(h -> h.jwk(null), c -> { }), "jwk");
        // the header is written by hand: the JOSE library refuses to put a private key there
        String header = Base64URL.encode("{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":"
                + key.toJSONString() + "}").toString();
        String payload = Base64URL.encode(claims().build().toString()).toString();
        String input = header + "." + payload;
        Base64URL signature = new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256),
                input.getBytes(StandardCharsets.US_ASCII));
        // refused already when parsed (the library reads no header with a private key); the verifier checks again
        assertError(() -> verifier.verify(List.of(input + "." + signature)), OAuthError.INVALID_DPOP_PROOF);
    }

    @Test
    void verifyWhenSignedByAnotherKeyThenRefused() {
        // item 6: the signature verifies with the jwk of the header
        refused(proof(h -> h.jwk(CrossAppAccess.ecKey("other").toPublicJWK()), c -> { }), "signature");
    }

    @Test
    void verifyWhenCritHeaderThenRefused() {
        refused(proof(h -> h.criticalParams(Set.of("exp")).customParam("exp", 1), c -> { }), "crit");
    }

    @Test
    void verifyWhenRequiredClaimMissingThenRefused() {
        // item 3: jti, htm, htu, iat
        refused(proof(h -> { }, c -> c.jwtID(null)), "required");
        refused(proof(h -> { }, c -> c.claim("htm", null)), "required");
        refused(proof(h -> { }, c -> c.claim("htu", null)), "required");
        refused(proof(h -> { }, c -> c.issueTime(null)), "required");
        refused(proof(h -> { }, c -> c.claim("htm", 1)), "htm");
    }

    @Test
    void verifyWhenHtmOrHtuOfAnotherRequestThenRefused() {
        // items 8 and 9
        refused(proof(h -> { }, c -> c.claim("htm", "GET")), "htm");
        refused(proof(h -> { }, c -> c.claim("htm", "post")), "htm");
        refused(proof(h -> { }, c -> c.claim("htu", "https://as.example.test/authorize")), "htu");
        refused(proof(h -> { }, c -> c.claim("htu", "https://idp.example.test/token")), "htu");
        refused(proof(h -> { }, c -> c.claim("htu", "http://as.example.test/token")), "htu");
        refused(proof(h -> { }, c -> c.claim("htu", "/token")), "htu");
        refused(proof(h -> { }, c -> c.claim("htu", "https://user@as.example.test/token")), "htu");
        refused(proof(h -> { }, c -> c.claim("htu", "https://as.example.test:8443/token")), "htu");
    }

    @Test
    void verifyWhenHtuDiffersOnlyByNormalisationQueryOrFragmentThenAccepted() {
        // item 9: compared ignoring query and fragment, after RFC 3986 §6.2.2 / §6.2.3 normalisation
        for (String htu : List.of("https://AS.example.test:443/token", "https://as.example.test/token?x=1",
                "HTTPS://as.example.test/token#f")) {
            assertThat(verifier.verify(List.of(proof(h -> { }, c -> c.claim("htu", htu))))).isNotEmpty();
        }
    }

    @Test
    void verifyWhenIatOutsideTheWindowThenRefused() {
        // item 11: iat within 60 s either way
        refused(proof(h -> { }, c -> c.issueTime(Date.from(clock.instant().minusSeconds(61)))), "iat");
        refused(proof(h -> { }, c -> c.issueTime(Date.from(clock.instant().plusSeconds(61)))), "iat");
        assertThat(verifier.verify(List.of(proof(h -> { }, c -> c.issueTime(Date.from(clock.instant()
                .minusSeconds(59))))))).isNotEmpty();
        String p = proof(h -> { }, c -> { });
        clock.advance(Duration.ofSeconds(61));
        refused(p, "iat");
    }

    @Test
    void verifyWhenJtiReplayedThenRefused() {
        // RFC 9449 §11.1: a proof is accepted once
        String p = proof(h -> { }, c -> { });
        verifier.verify(List.of(p));
        refused(p, "jti already used");
        refused(proof(h -> { }, c -> c.jwtID("j".repeat(300))), "jti too long");
    }

    @Test
    void constructorRefusesANonPositiveWindow() {
        assertThatThrownBy(() -> new DpopProofVerifier(TOKEN, new InMemoryReplayGuard(1, clock), Duration.ZERO,
                clock)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DpopProofVerifier.algorithmNames()).contains("ES256", "RS256", "PS256", "EdDSA")
                .doesNotContain("HS256", "none");
    }
}
