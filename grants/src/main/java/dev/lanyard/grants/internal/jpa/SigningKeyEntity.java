package dev.lanyard.grants.internal.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import dev.lanyard.grants.store.KeyStatus;
import dev.lanyard.grants.store.StoredSigningKey;

/** Table {@code lanyard_signing_key}: the server's signing keys; the generation is unique. */
@Cacheable(false)
@Entity(name = "LanyardSigningKey")
@Table(name = "lanyard_signing_key",
        uniqueConstraints = @UniqueConstraint(name = "lanyard_signing_key_gen", columnNames = "generation"))
public class SigningKeyEntity {

    @Id
    @Column(name = "kid", length = 128)
    private String kid;
    @Column(name = "generation", nullable = false)
    private long generation;
    @Column(name = "jwk", length = 16384, nullable = false)
    private String jwk;
    @Column(name = "status", length = 16, nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false)
    private long createdAt;
    @Column(name = "activate_at", nullable = false)
    private long activateAt;

    /** For the JPA provider. */
    public SigningKeyEntity() {
    }

    /** The row of {@code key}. */
    public static SigningKeyEntity of(StoredSigningKey key) {
        SigningKeyEntity e = new SigningKeyEntity();
        e.kid = key.kid();
        e.generation = key.generation();
        e.jwk = key.jwkJson();
        e.status = key.status().name();
        e.createdAt = Columns.millis(key.createdAt());
        e.activateAt = Columns.millis(key.activateAt());
        return e;
    }

    /** The key this row holds. */
    public StoredSigningKey toRecord() {
        return new StoredSigningKey(kid, generation, jwk, KeyStatus.valueOf(status), Columns.instant(createdAt),
                Columns.instant(activateAt));
    }
}
