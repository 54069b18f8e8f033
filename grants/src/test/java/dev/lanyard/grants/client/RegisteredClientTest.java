package dev.lanyard.grants.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;

class RegisteredClientTest {

    @Test
    void buildWhenPublicThenNoneAndNoSecret() {
        RegisteredClient c = TestClients.pub1();
        assertThat(c.type()).isEqualTo(ClientType.PUBLIC);
        assertThat(c.authMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(c.secretHash()).isEmpty();
        assertThat(c.allows(GrantType.AUTHORIZATION_CODE)).isTrue();
        assertThat(c.allows(GrantType.CLIENT_CREDENTIALS)).isFalse();
        assertThat(c.source()).isEqualTo(ClientSource.CONFIGURED);
    }

    @Test
    void buildWhenSecretMethodThenOnlyTheHashKept() {
        RegisteredClient c = TestClients.conf1();
        assertThat(c.isConfidential()).isTrue();
        assertThat(c.secretHash().orElseThrow()).startsWith("sha256:").doesNotContain(TestClients.S1);
        assertThat(c.toString()).doesNotContain(TestClients.S1);
    }

    @Test
    void buildWhenSecretMethodWithoutHashOrRawSecretThenRefused() {
        assertThatThrownBy(() -> RegisteredClient.builder("x").secret(ClientAuthMethod.CLIENT_SECRET_BASIC,
                TestClients.S1).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildWhenUnsupportedMethodThenRefused() {
        // client_secret_jwt needs the secret itself, which is never kept; mTLS is not implemented
        for (ClientAuthMethod m : new ClientAuthMethod[] {ClientAuthMethod.CLIENT_SECRET_JWT,
                ClientAuthMethod.TLS_CLIENT_AUTH}) {
            assertThatThrownBy(() -> RegisteredClient.builder("x").secret(m, ClientSecrets.hash(TestClients.S1))
                    .build()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void buildWhenCimdWithSharedSecretThenRefused() {
        // CIMD: symmetric methods are forbidden for metadata-document clients
        assertThatThrownBy(() -> RegisteredClient.builder("https://cimd.example.test/app")
                .secret(ClientAuthMethod.CLIENT_SECRET_POST, ClientSecrets.hash(TestClients.S1))
                .source(ClientSource.CIMD).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildWhenJwksHasPrivateKeyOrBothJwksAndUriThenRefused() {
        // RFC 7591 §2: jwks holds public keys; jwks and jwks_uri are exclusive
        String privateJwks = new JWKSet(TestClients.PKJ_EC).toString(false);
        assertThatThrownBy(() -> RegisteredClient.builder("x").privateKeyJwt(privateJwks).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegisteredClient.builder("x").privateKeyJwt(TestClients.publicJwks(TestClients.PKJ_EC))
                .privateKeyJwt(URI.create("https://client.example.test/jwks")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegisteredClient.builder("x").privateKeyJwt("not json").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildWhenSigningAlgNotAllowedThenRefused() {
        for (String alg : new String[] {"none", "HS256"}) {
            assertThatThrownBy(() -> RegisteredClient.builder("x")
                    .privateKeyJwt(TestClients.publicJwks(TestClients.PKJ_EC)).signingAlg(alg).build())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void registryWhenRegisteredThenFoundExactly() {
        InMemoryClientRegistry r = new InMemoryClientRegistry();
        r.register(TestClients.conf1());
        assertThat(r.find("conf1")).isPresent();
        assertThat(r.find("CONF1")).isEmpty();
        r.remove("conf1");
        assertThat(r.find("conf1")).isEmpty();
    }
}
