package dev.lanyard.as.internal;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.lanyard.as.AuthorizationServerSettings.StoreKind;
import dev.lanyard.as.consent.InMemoryPendingConsentStore;
import dev.lanyard.as.consent.PendingConsentStore;
import dev.lanyard.cimd.CimdDocumentCache;
import dev.lanyard.cimd.CimdSettings;
import dev.lanyard.cimd.CimdValidator;
import dev.lanyard.cimd.InMemoryCimdDocumentCache;
import dev.lanyard.cimd.SharedCimdDocumentCache;
import dev.lanyard.grants.client.ClientRegistry;
import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.DynamicClientStore;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.memory.InMemoryAuthorizationCodeStore;
import dev.lanyard.grants.store.memory.InMemoryConsentStore;
import dev.lanyard.grants.store.memory.InMemoryDynamicClientStore;
import dev.lanyard.grants.store.memory.InMemoryRefreshTokenStore;
import dev.lanyard.grants.store.memory.InMemoryReplayGuard;
import dev.lanyard.grants.store.memory.InMemoryRevokedAccessTokens;
import dev.lanyard.grants.store.memory.InMemorySigningKeyStore;

/**
 * The default beans of the replaceable service provider interfaces: the client registry (the configured clients, then
 * dynamically registered ones and Client ID Metadata Documents, when enabled), the stores ({@code lanyard.as.store}:
 * memory or JPA, dynamically registered clients included) and the CIMD document cache (in this JVM, or shared in the
 * database with JPA). An application replaces any of them with an
 * {@code @Alternative @Priority(...)} bean of the same interface type.
 */
@ApplicationScoped
public class DefaultBeans {

    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock = Clock.systemUTC();
    private JpaStoreFactory jpa;

    /** Created by CDI. */
    public DefaultBeans() {
        // stateless but for the lazily created JPA factory
    }

    @Produces
    @ApplicationScoped
    ClientRegistry clients(ServerConfiguration config, DynamicRegistration registered, CimdSupport cimd) {
        return new CimdClientRegistry(config.settings().clients(), registered, cimd);
    }

    @Produces
    @ApplicationScoped
    AuthorizationCodeStore codes(ServerConfiguration config) {
        return jpa(config) ? jpa().codes() : new InMemoryAuthorizationCodeStore(MAX_ENTRIES, clock);
    }

    @Produces
    @ApplicationScoped
    RefreshTokenStore refreshTokens(ServerConfiguration config) {
        return jpa(config) ? jpa().refreshTokens() : new InMemoryRefreshTokenStore(MAX_ENTRIES, clock);
    }

    @Produces
    @ApplicationScoped
    ConsentStore consents(ServerConfiguration config) {
        return jpa(config) ? jpa().consents() : new InMemoryConsentStore(MAX_ENTRIES);
    }

    @Produces
    @ApplicationScoped
    ReplayGuard replayGuard(ServerConfiguration config) {
        return jpa(config) ? jpa().replayGuard() : new InMemoryReplayGuard(MAX_ENTRIES, clock);
    }

    @Produces
    @ApplicationScoped
    RevokedAccessTokens revokedAccessTokens(ServerConfiguration config) {
        return jpa(config) ? jpa().revokedAccessTokens() : new InMemoryRevokedAccessTokens(MAX_ENTRIES, clock);
    }

    @Produces
    @ApplicationScoped
    SigningKeyStore signingKeys(ServerConfiguration config) {
        return jpa(config) ? jpa().signingKeys() : new InMemorySigningKeyStore();
    }

    @Produces
    @ApplicationScoped
    DynamicClientStore dynamicClients(ServerConfiguration config) {
        return jpa(config) ? jpa().dynamicClients() : new InMemoryDynamicClientStore(DynamicRegistration.MAX_CLIENTS);
    }

    @Produces
    @ApplicationScoped
    CimdDocumentCache cimdDocuments(ServerConfiguration config) {
        CimdSettings cimd = config.settings().cimd();
        // with the JPA store, the cache is shared by every node; documents read back are validated again
        return jpa(config) ? new SharedCimdDocumentCache(jpa().cimdDocuments(),
                CimdValidator.create(cimd.tokenEndpointAuthMethods()), clock)
                : new InMemoryCimdDocumentCache(cimd.cacheMaxEntries(), clock);
    }

    @Produces
    @ApplicationScoped
    PendingConsentStore pendingConsents() {
        return new InMemoryPendingConsentStore(MAX_ENTRIES, clock);
    }

    private static boolean jpa(ServerConfiguration config) {
        return config.settings().store() == StoreKind.JPA;
    }

    private synchronized JpaStoreFactory jpa() {
        if (jpa == null) {
            jpa = new JpaStoreFactory();
        }
        return jpa;
    }
}
