package dev.lanyard.grants.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
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

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticationThrottle;
import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.auth.ClientAuthenticator;
import dev.lanyard.grants.auth.JwksFetcher;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.InMemoryClientRegistry;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.grant.ClientCredentialsGrantHandler;
import dev.lanyard.grants.grant.GrantRegistry;
import dev.lanyard.grants.grant.TokenEndpointService;
import dev.lanyard.grants.internal.keys.KeyGeneration;
import dev.lanyard.grants.keys.SigningAlgorithm;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.memory.InMemoryReplayGuard;
import dev.lanyard.grants.token.AccessTokenContent;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.token.AccessTokenResponse;

/**
 * Access token issuance (claims, JSON, base64url, signature) beside the raw JDK signature of a token-sized input
 * with the same key, and the whole client_credentials path (Basic authentication, parsing, issuance) without HTTP.
 * The issue's target: issuance within 70 % of what raw signing allows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class AccessTokenIssuanceBenchmark {

    private static final ResourceIndicator RS = new ResourceIndicator("https://rs.example.test/api");

    @Param({"ES256", "RS256"})
    public String alg;

    private AccessTokenIssuer issuer;
    private AccessTokenContent content;
    private PrivateKey privateKey;
    private String jdkAlgorithm;
    private byte[] signingInput;
    private JWSSigner signer;
    private JWSHeader header;
    private dev.lanyard.spec.claims.AccessTokenClaims claims;
    private TokenEndpointService tokenEndpoint;
    private ClientAuthenticationInput clientCredentials;

    @Setup
    public void setUp() throws JOSEException {
        SigningAlgorithm algorithm = SigningAlgorithm.valueOf(alg);
        JWK jwk = KeyGeneration.generate(algorithm);
        SigningKeys keys = SigningKeys.fixed(new JWKSet(jwk).toString(false));
        GrantSettings settings = GrantSettings.defaults("https://as.example.test")
                .withResources(List.of(RS), Optional.of(RS));
        Clock clock = Clock.systemUTC();
        issuer = new AccessTokenIssuer(settings, keys, List.of(), clock);
        content = new AccessTokenContent(GrantType.CLIENT_CREDENTIALS, "cc1", "cc1", List.of(RS),
                Optional.of(dev.lanyard.spec.core.Scope.of("items:read", "items:write")), Optional.empty());
        privateKey = jwk instanceof ECKey ec ? ec.toPrivateKey() : ((RSAKey) jwk).toPrivateKey();
        jdkAlgorithm = jwk instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA";
        claims = issuer.issue(content).claims();
        signer = jwk instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) jwk);
        header = new JWSHeader.Builder(JWSAlgorithm.parse(algorithm.jwsName())).keyID(jwk.getKeyID()).build();
        signingInput = issuer.issue(content).value().substring(0, issuer.issue(content).value().lastIndexOf('.'))
                .getBytes(StandardCharsets.US_ASCII);

        String secret = ClientSecrets.generate();
        InMemoryClientRegistry clients = new InMemoryClientRegistry(List.of(RegisteredClient.builder("cc1")
                .secret(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientSecrets.hash(secret))
                .grantTypes(GrantType.CLIENT_CREDENTIALS)
                .scope(dev.lanyard.spec.core.Scope.of("items:read", "items:write")).build()));
        ClientAuthenticator auth = new ClientAuthenticator(settings, clients, new InMemoryReplayGuard(),
                JwksFetcher.NONE, AuthenticationThrottle.defaults(clock), clock);
        tokenEndpoint = new TokenEndpointService(auth,
                new GrantRegistry(List.of(new ClientCredentialsGrantHandler(issuer, settings))));
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("cc1:" + secret)
                .getBytes(StandardCharsets.UTF_8));
        clientCredentials = new ClientAuthenticationInput(Optional.of(basic),
                FormParameters.parse("grant_type=client_credentials&scope=items%3Aread"), false, "127.0.0.1");
    }

    /** Claims, JSON, base64url and signature of one access token. */
    @Benchmark
    public String issue() {
        return issuer.issue(content).value();
    }

    /** The JDK signature alone, over an input of the size of a token's header and payload. */
    @Benchmark
    public byte[] rawSignature() throws GeneralSecurityException {
        Signature s = Signature.getInstance(jdkAlgorithm);
        s.initSign(privateKey);
        s.update(signingInput);
        return s.sign();
    }

    /** The claims alone: building the claim set and its JSON text. */
    @Benchmark
    public String claimsJson() {
        return claims.toJson().toString();
    }

    /** nimbus's signer alone (JOSE signature encoding included), over the same input. */
    @Benchmark
    public Base64URL nimbusSignature() throws JOSEException {
        return signer.sign(header, signingInput);
    }

    /** The client_credentials token endpoint path without HTTP: Basic authentication, parsing, issuance. */
    @Benchmark
    public AccessTokenResponse clientCredentials() {
        return tokenEndpoint.token(clientCredentials);
    }
}
