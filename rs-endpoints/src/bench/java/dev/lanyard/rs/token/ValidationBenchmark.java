package dev.lanyard.rs.token;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;

import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.rs.ScopeHierarchy;


/**
 * Cost of validating one access token: with a cold verified-token cache (every call verifies), with a warm one
 * (the same token again), and the raw signature verification of the same algorithm that a cold validation cannot
 * avoid. Targets (bench README): cold at most 1.1x raw, warm at least 10x cheaper than raw. {@code jcaSignature} is
 * the JCA check alone (signature already decoded): what is left of a cold validation beyond it is Lanyard's work.
 *
 * <pre>mvn -pl rs-endpoints -am -Pbench verify -DskipTests</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(2)
public class ValidationBenchmark {

    @Param({"ES256", "RS256"})
    public String alg;

    private String token;
    private AccessTokenValidator cold;
    private AccessTokenValidator warm;
    private JWSVerifier rawVerifier;
    private JWSHeader header;
    private byte[] signingInput;
    private Base64URL signature;
    private java.security.PublicKey publicKey;
    private String jcaAlgorithm;
    private byte[] signatureBytes;

    @Setup
    public void setUp() throws Exception {
        TestTokens as = new TestTokens();
        Instant now = Instant.now();
        var claims = TestTokens.claims(now).expirationTime(Date.from(now.plus(Duration.ofHours(2)))).build();
        token = alg.equals("ES256") ? as.es256(claims) : as.rs256(claims, h -> { });
        ResourceServerSettings base = ResourceServerSettings.of(TestTokens.RESOURCE, List.of(TestTokens.ISSUER));
        cold = AccessTokenValidator.create(withCacheSize(base, 0), issuer -> TestTokens.JWKS, as::fetch,
                Clock.systemUTC());
        warm = AccessTokenValidator.create(base, issuer -> TestTokens.JWKS, as::fetch, Clock.systemUTC());
        cold.validate(token);
        warm.validate(token);

        String[] parts = token.split("\\.");
        header = JWSHeader.parse(new Base64URL(parts[0]));
        signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        signature = new Base64URL(parts[2]);
        JWK key = alg.equals("ES256") ? as.ec.toPublicJWK() : as.rsa.toPublicJWK();
        rawVerifier = new DefaultJWSVerifierFactory().createJWSVerifier(header, ((AsymmetricJWK) key).toPublicKey());
        if (!rawVerifier.verify(header, signingInput, signature)) {
            throw new IllegalStateException("fixture does not verify");
        }
        publicKey = ((AsymmetricJWK) key).toPublicKey();
        jcaAlgorithm = alg.equals("ES256") ? "SHA256withECDSAinP1363Format" : "SHA256withRSA";
        signatureBytes = java.util.Base64.getUrlDecoder().decode(parts[2]);
        if (!jcaSignature()) {
            throw new IllegalStateException("fixture does not verify with the JCA");
        }
    }

    private static ResourceServerSettings withCacheSize(ResourceServerSettings s, int size) {
        return new ResourceServerSettings(s.resource(), s.authorizationServers(), s.scopesSupported(),
                s.resourceName(), s.resourceDocumentation(), ScopeHierarchy.flat(), dev.lanyard.spec.core.Scope.of(), s.realm(),
                s.algorithms(), s.leeway(), Optional.<URI>empty(), s.jwksRefetchCooldown(), size, s.maxTokenLength(),
                false, Optional.empty());
    }

    /** The signature check alone, on pre-parsed input: the floor for a cold validation. */
    @Benchmark
    public boolean rawVerify() throws Exception {
        return rawVerifier.verify(header, signingInput, signature);
    }

    /**
     * The JCA signature check alone, on an already decoded signature: the cryptographic floor, without nimbus's
     * base64url decoding of the signature that {@link #rawVerify()} includes.
     */
    @Benchmark
    public boolean jcaSignature() throws Exception {
        java.security.Signature s = java.security.Signature.getInstance(jcaAlgorithm);
        s.initVerify(publicKey);
        s.update(signingInput);
        return s.verify(signatureBytes);
    }

    /** Full validation, nothing cached: syntax, header, claims, key lookup, signature. */
    @Benchmark
    public Object validateCold() {
        return cold.validate(token);
    }

    /** Validation of a token verified before: hash, cache lookup, expiry check. */
    @Benchmark
    public Object validateWarm() {
        return warm.validate(token);
    }

}
