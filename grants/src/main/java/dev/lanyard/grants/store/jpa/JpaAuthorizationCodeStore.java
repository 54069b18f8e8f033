package dev.lanyard.grants.store.jpa;

import java.time.Instant;
import java.util.Optional;

import dev.lanyard.grants.internal.jpa.AuthorizationCodeEntity;
import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.IssuedTokens;
import dev.lanyard.grants.store.StoredAuthorizationCode;

/**
 * Authorization codes in a database. {@link #consume} is one conditional {@code UPDATE ... WHERE consumed = false}
 * whose row count says who won: never a read followed by a write.
 */
public final class JpaAuthorizationCodeStore implements AuthorizationCodeStore {

    private final JpaTransactions tx;

    /** @param tx how units of work run */
    public JpaAuthorizationCodeStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(StoredAuthorizationCode code) {
        tx.execute(em -> {
            em.persist(AuthorizationCodeEntity.of(code));
            return null;
        });
    }

    @Override
    public Optional<StoredAuthorizationCode> find(String codeHash) {
        return tx.execute(em -> Optional.ofNullable(em.find(AuthorizationCodeEntity.class, codeHash))
                .map(AuthorizationCodeEntity::toRecord));
    }

    @Override
    public boolean consume(String codeHash, Instant now, Optional<IssuedTokens> issued) {
        int rows = tx.execute(em -> em.createQuery("UPDATE LanyardAuthCode c SET c.consumed = true,"
                        + " c.familyId = :family, c.accessTokenJti = :jti, c.accessTokenExp = :exp"
                        + " WHERE c.codeHash = :hash AND c.consumed = false AND c.expiresAt > :now")
                .setParameter("family", issued.flatMap(IssuedTokens::refreshFamilyId).orElse(null))
                .setParameter("jti", issued.map(IssuedTokens::accessTokenJti).orElse(null))
                .setParameter("exp", issued.map(i -> i.accessTokenExpiresAt().toEpochMilli()).orElse(null))
                .setParameter("hash", codeHash)
                .setParameter("now", now.toEpochMilli())
                .executeUpdate());
        return rows == 1;
    }

    @Override
    public int purgeExpired(Instant before) {
        return tx.execute(em -> em.createQuery("DELETE FROM LanyardAuthCode c WHERE c.expiresAt < :before")
                .setParameter("before", before.toEpochMilli())
                .executeUpdate());
    }
}
