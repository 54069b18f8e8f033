package dev.lanyard.grants.store;

import static dev.lanyard.grants.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.ClientSource;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;

/** What every {@link DynamicClientStore} guarantees. */
public abstract class DynamicClientStoreContract {

    /** For the implementations' tests. */
    protected DynamicClientStoreContract() {
    }

    /** The store under test. */
    protected abstract DynamicClientStore store();

    /** A confidential client with a secret, registered at {@code issuedAt}, with this fingerprint. */
    public static DynamicClientRecord secretClient(String fingerprint, Instant issuedAt) {
        RegisteredClient client = RegisteredClient.builder(Digests.randomToken()).source(ClientSource.DCR)
                .secret(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientSecrets.hash(ClientSecrets.generate()))
                .redirectUris("https://dcr.example.test/cb", "http://127.0.0.1:4711/cb")
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)
                .scope(Scope.of("items:read", "items:write")).clientName("Registered \"app\" é").build();
        return new DynamicClientRecord(client, "{\"client_name\":\"Registered \\\"app\\\" é\"}",
                ClientSecrets.hash(ClientSecrets.generate()), fingerprint, issuedAt, Optional.empty());
    }

    /** A private_key_jwt client with keys by reference. */
    public static DynamicClientRecord keyClient(String fingerprint, Instant issuedAt) {
        RegisteredClient client = RegisteredClient.builder(Digests.randomToken()).source(ClientSource.DCR)
                .privateKeyJwt(java.net.URI.create("https://dcr.example.test/jwks")).signingAlg("ES256")
                .grantTypes(GrantType.CLIENT_CREDENTIALS).scope(Scope.of("items:read")).build();
        return new DynamicClientRecord(client, "{}", ClientSecrets.hash(ClientSecrets.generate()), fingerprint,
                issuedAt, Optional.empty());
    }

    @Test
    void findWhenSavedThenEveryFieldBackAndNoPlainCredential() {
        DynamicClientRecord secret = secretClient("fp-" + Digests.randomId(), T0);
        DynamicClientRecord keys = keyClient("fp-" + Digests.randomId(), T0);
        store().save(secret);
        store().save(keys);
        assertThat(store().find(secret.clientId())).contains(secret);
        assertThat(store().find(keys.clientId())).contains(keys);
        assertThat(store().find("unknown-" + Digests.randomId())).isEmpty();
    }

    @Test
    void saveWhenSameClientIdThenReplaced() {
        DynamicClientRecord r = secretClient("fp-" + Digests.randomId(), T0);
        store().save(r);
        RegisteredClient updated = RegisteredClient.builder(r.clientId()).source(ClientSource.DCR).publicClient()
                .redirectUris("https://dcr.example.test/other").grantTypes(GrantType.AUTHORIZATION_CODE)
                .scope(Scope.of("items:read")).build();
        DynamicClientRecord replaced = r.withClient(updated, "{\"redirect_uris\":[]}", "fp-new");
        store().save(replaced);
        assertThat(store().find(r.clientId())).contains(replaced);
    }

    @Test
    void deleteWhenPresentThenGoneOnce() {
        DynamicClientRecord r = secretClient("fp-" + Digests.randomId(), T0);
        store().save(r);
        assertThat(store().delete(r.clientId())).isTrue();
        assertThat(store().find(r.clientId())).isEmpty();
        assertThat(store().delete(r.clientId())).isFalse();
    }

    @Test
    void markUsedWhenCalledTwiceThenOnlyTheFirstTimeKept() {
        DynamicClientRecord r = secretClient("fp-" + Digests.randomId(), T0);
        store().save(r);
        assertThat(store().markUsed(r.clientId(), T0.plusSeconds(5))).isTrue();
        assertThat(store().markUsed(r.clientId(), T0.plusSeconds(9))).isFalse();
        assertThat(store().find(r.clientId()).orElseThrow().firstTokenAt()).contains(T0.plusSeconds(5));
        assertThat(store().markUsed("unknown-" + Digests.randomId(), T0)).isFalse();
    }

    @Test
    void findUnusedWhenSameFingerprintThenOnlyUnusedOnesOldestFirst() {
        String fp = "fp-" + Digests.randomId();
        DynamicClientRecord old = secretClient(fp, T0);
        DynamicClientRecord used = secretClient(fp, T0.plusSeconds(1));
        DynamicClientRecord young = secretClient(fp, T0.plusSeconds(2));
        store().save(young);
        store().save(used);
        store().save(old);
        store().save(secretClient("fp-" + Digests.randomId(), T0));
        store().markUsed(used.clientId(), T0.plusSeconds(3));
        assertThat(store().findUnused(fp)).extracting(DynamicClientRecord::clientId)
                .containsExactly(old.clientId(), young.clientId());
    }

    @Test
    void purgeUnusedWhenOlderThanCutOffThenOnlyUnusedOldOnesDeleted() {
        Instant base = Instant.parse("2001-01-01T00:00:00Z").plusMillis(Math.floorMod(Digests.randomId().hashCode(),
                1_000_000));
        DynamicClientRecord stale = secretClient("fp-" + Digests.randomId(), base);
        DynamicClientRecord usedOld = secretClient("fp-" + Digests.randomId(), base);
        DynamicClientRecord fresh = secretClient("fp-" + Digests.randomId(), base.plusSeconds(3600));
        store().save(stale);
        store().save(usedOld);
        store().save(fresh);
        store().markUsed(usedOld.clientId(), base.plusSeconds(10));
        assertThat(store().purgeUnused(base.plusSeconds(60))).isGreaterThanOrEqualTo(1);
        assertThat(store().find(stale.clientId())).isEmpty();
        assertThat(store().find(usedOld.clientId())).isPresent();
        assertThat(store().find(fresh.clientId())).isPresent();
    }
}
