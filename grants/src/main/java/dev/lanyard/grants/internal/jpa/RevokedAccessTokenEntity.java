package dev.lanyard.grants.internal.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** Table {@code lanyard_revoked_jti}: access tokens revoked before their expiry. */
@Cacheable(false)
@Entity(name = "LanyardRevokedJti")
@Table(name = "lanyard_revoked_jti", indexes = @Index(name = "lanyard_revoked_jti_exp", columnList = "expires_at"))
public class RevokedAccessTokenEntity {

    @Id
    @Column(name = "jti", length = 256)
    private String jti;
    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    /** For the JPA provider. */
    public RevokedAccessTokenEntity() {
    }

    /** A row for {@code jti} until {@code expiresAtMillis}. */
    public static RevokedAccessTokenEntity of(String jti, long expiresAtMillis) {
        RevokedAccessTokenEntity e = new RevokedAccessTokenEntity();
        e.jti = jti;
        e.expiresAt = expiresAtMillis;
        return e;
    }
}
