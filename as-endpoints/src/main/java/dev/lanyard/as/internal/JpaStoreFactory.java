package dev.lanyard.as.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;

import dev.lanyard.as.AsConfigKeys;
import dev.lanyard.as.jpa.JtaJpaTransactions;
import dev.lanyard.cimd.CimdDocumentStore;
import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.DynamicClientStore;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.jpa.JpaAuthorizationCodeStore;
import dev.lanyard.grants.store.jpa.JpaCimdDocumentStore;
import dev.lanyard.grants.store.jpa.JpaDynamicClientStore;
import dev.lanyard.grants.store.jpa.JpaConsentStore;
import dev.lanyard.grants.store.jpa.JpaRefreshTokenStore;
import dev.lanyard.grants.store.jpa.JpaReplayGuard;
import dev.lanyard.grants.store.jpa.JpaRevokedAccessTokens;
import dev.lanyard.grants.store.jpa.JpaSigningKeyStore;
import dev.lanyard.grants.store.jpa.JpaTransactions;

/**
 * The JPA stores over the application's persistence context: a CDI bean of type {@link EntityManager} (for example
 * {@code @Produces @PersistenceContext(unitName = "lanyard") EntityManager em;}) and the container's
 * {@link UserTransaction}. Not a CDI bean itself, so that the JPA and JTA APIs are only needed when
 * {@code lanyard.as.store=jpa}.
 */
final class JpaStoreFactory {

    private final JpaTransactions tx;

    JpaStoreFactory() {
        Instance<EntityManager> em = CDI.current().select(EntityManager.class);
        Instance<UserTransaction> ut = CDI.current().select(UserTransaction.class);
        if (em.isUnsatisfied() || em.isAmbiguous()) {
            throw new IllegalStateException(AsConfigKeys.STORE + "=jpa needs exactly one CDI bean of type "
                    + "EntityManager (a container-managed persistence context listing "
                    + "META-INF/lanyard-grants-orm.xml)");
        }
        if (ut.isUnsatisfied()) {
            throw new IllegalStateException(AsConfigKeys.STORE + "=jpa needs JTA (the container's UserTransaction)");
        }
        // a container-managed, transaction-scoped entity manager and the user transaction are thread-safe proxies:
        // resolved once (a dependent instance taken per call would stay referenced by the Instance)
        EntityManager manager = em.get();
        UserTransaction transaction = ut.get();
        this.tx = new JtaJpaTransactions(() -> manager, () -> transaction);
    }

    AuthorizationCodeStore codes() {
        return new JpaAuthorizationCodeStore(tx);
    }

    RefreshTokenStore refreshTokens() {
        return new JpaRefreshTokenStore(tx);
    }

    ConsentStore consents() {
        return new JpaConsentStore(tx);
    }

    ReplayGuard replayGuard() {
        return new JpaReplayGuard(tx);
    }

    RevokedAccessTokens revokedAccessTokens() {
        return new JpaRevokedAccessTokens(tx);
    }

    SigningKeyStore signingKeys() {
        return new JpaSigningKeyStore(tx);
    }

    DynamicClientStore dynamicClients() {
        return new JpaDynamicClientStore(tx);
    }

    CimdDocumentStore cimdDocuments() {
        return new JpaCimdDocumentStore(tx);
    }
}
