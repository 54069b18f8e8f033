package dev.lanyard.grants.testing;

import java.net.URI;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.InMemoryClientRegistry;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;

/** The clients of the attack catalogue's fixtures (attacks.md, "Fixtures assumed by every case"). */
public final class TestClients {

    /** The AS issuer. */
    public static final String ISS = "https://as.example.test";
    /** {@code conf1}'s secret. */
    public static final String S1 = "S1-conf1-secret-0123456789abcdefghijklmnop";
    /** {@code conf2}'s secret. */
    public static final String S2 = "S2-conf2-secret-0123456789abcdefghijklmnop";
    /** {@code cc1}'s secret. */
    public static final String S_CC1 = "Scc1-secret-0123456789abcdefghijklmnopqrstu";
    /** {@code multi}'s secret. */
    public static final String S_MULTI = "Smulti-secret-0123456789abcdefghijklmnopqr";
    /** {@code pkj1}'s RSA key (kid {@code pkj-rsa}). */
    public static final RSAKey PKJ_RSA = rsa("pkj-rsa");
    /** {@code pkj1}'s EC key (kid {@code pkj-ec}). */
    public static final ECKey PKJ_EC = ec("pkj-ec");

    private static final Scope ITEMS = Scope.of("items:read", "items:write");

    private TestClients() {
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK set of {@code keys}. */
    public static String publicJwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString(true);
    }

    /** Public, {@code none}; redirect URIs {@code https://app.example.test/cb} and {@code http://127.0.0.1/cb}. */
    public static RegisteredClient pub1() {
        return RegisteredClient.builder("pub1").publicClient()
                .redirectUris("https://app.example.test/cb", "http://127.0.0.1/cb")
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN).scope(ITEMS).build();
    }

    /** Like {@code pub1}. */
    public static RegisteredClient pub2() {
        return RegisteredClient.builder("pub2").publicClient().redirectUris("https://app2.example.test/cb")
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN).scope(ITEMS).build();
    }

    /** Confidential, {@code client_secret_basic} with {@link #S1}. */
    public static RegisteredClient conf1() {
        return RegisteredClient.builder("conf1").secret(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientSecrets.hash(S1))
                .redirectUris("https://conf.example.test/cb?tenant=1")
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN).scope(ITEMS).build();
    }

    /** Confidential, {@code client_secret_post} with {@link #S2}: the "other client". */
    public static RegisteredClient conf2() {
        return RegisteredClient.builder("conf2").secret(ClientAuthMethod.CLIENT_SECRET_POST, ClientSecrets.hash(S2))
                .redirectUris("https://conf2.example.test/cb")
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN).scope(ITEMS).build();
    }

    /** Confidential, two redirect URIs. */
    public static RegisteredClient multi() {
        return RegisteredClient.builder("multi")
                .secret(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientSecrets.hash(S_MULTI))
                .redirectUris("https://m.example.test/a", "https://m.example.test/b")
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN).scope(ITEMS).build();
    }

    /** Confidential, client credentials only. */
    public static RegisteredClient cc1() {
        return RegisteredClient.builder("cc1").secret(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientSecrets.hash(S_CC1))
                .redirectUris("https://cc.example.test/cb").grantTypes(GrantType.CLIENT_CREDENTIALS).scope(ITEMS)
                .build();
    }

    /** {@code private_key_jwt} with RS256 and ES256 keys, {@code token_endpoint_auth_signing_alg=RS256}. */
    public static RegisteredClient pkj1() {
        return RegisteredClient.builder("pkj1").privateKeyJwt(publicJwks(PKJ_RSA, PKJ_EC))
                .signingAlg(JWSAlgorithm.RS256.getName()).redirectUris("https://pk.example.test/cb")
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN)
                .scope(ITEMS).build();
    }

    /** Like {@code pkj1} with {@code token_endpoint_auth_signing_alg=ES256}. */
    public static RegisteredClient pkj2() {
        return RegisteredClient.builder("pkj2").privateKeyJwt(publicJwks(PKJ_RSA, PKJ_EC))
                .signingAlg(JWSAlgorithm.ES256.getName()).redirectUris("https://pk.example.test/cb")
                .grantTypes(GrantType.CLIENT_CREDENTIALS).scope(ITEMS).build();
    }

    /** RSA and EC keys, no registered algorithm. */
    public static RegisteredClient pkj3() {
        return RegisteredClient.builder("pkj3").privateKeyJwt(publicJwks(PKJ_RSA, PKJ_EC))
                .redirectUris("https://pk.example.test/cb").grantTypes(GrantType.CLIENT_CREDENTIALS).scope(ITEMS)
                .build();
    }

    /** {@code private_key_jwt} with keys at {@code uri}. */
    public static RegisteredClient pkjRemote(URI uri) {
        return RegisteredClient.builder("pkj-remote").privateKeyJwt(uri).grantTypes(GrantType.CLIENT_CREDENTIALS)
                .scope(ITEMS).build();
    }

    /** A registry of every fixture client. */
    public static InMemoryClientRegistry registry() {
        return new InMemoryClientRegistry(List.of(pub1(), pub2(), conf1(), conf2(), multi(), cc1(), pkj1(), pkj2(),
                pkj3()));
    }
}
