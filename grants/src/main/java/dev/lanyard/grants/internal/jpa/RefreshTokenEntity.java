package dev.lanyard.grants.internal.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import dev.lanyard.grants.store.RefreshTokenRecord;
import dev.lanyard.grants.store.RefreshTokenState;

/**
 * Table {@code lanyard_refresh_token}: one row per refresh token, keyed by its SHA-256. The owner index is on the
 * SHA-256 of subject and client id ({@code owner_key}), not on the two columns: with a client id of up to 2048
 * characters and a subject of up to 1024, an entry could pass PostgreSQL's 2704-byte limit of a B-tree index row.
 */
@Cacheable(false)
@Entity(name = "LanyardRefreshToken")
@Table(name = "lanyard_refresh_token", indexes = {
    @Index(name = "lanyard_refresh_token_family", columnList = "family_id"),
    @Index(name = "lanyard_refresh_token_owner_key", columnList = "owner_key"),
    @Index(name = "lanyard_refresh_token_exp", columnList = "family_expires_at")})
public class RefreshTokenEntity {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;
    @Column(name = "family_id", length = 64, nullable = false)
    private String familyId;
    @Column(name = "client_id", length = 2048, nullable = false)
    private String clientId;
    @Column(name = "subject", length = 1024, nullable = false)
    private String subject;
    /** Null only in rows written before the column existed (a table extended in place). */
    @Column(name = "owner_key", length = 64)
    private String ownerKey;
    @Column(name = "scope", length = 4096)
    private String scope;
    @Column(name = "resources", length = 8192)
    private String resources;
    @Column(name = "auth_time")
    private Long authTime;
    @Column(name = "issued_at", nullable = false)
    private long issuedAt;
    @Column(name = "expires_at", nullable = false)
    private long expiresAt;
    @Column(name = "family_expires_at", nullable = false)
    private long familyExpiresAt;
    @Column(name = "state", length = 16, nullable = false)
    private String state;

    /** For the JPA provider. */
    public RefreshTokenEntity() {
    }

    /** The row of {@code token}. */
    public static RefreshTokenEntity of(RefreshTokenRecord token) {
        RefreshTokenEntity e = new RefreshTokenEntity();
        e.tokenHash = token.tokenHash();
        e.familyId = token.familyId();
        e.clientId = token.clientId();
        e.subject = token.subject();
        e.ownerKey = ConsentEntity.key(token.subject(), token.clientId());
        e.scope = Columns.scope(token.scope());
        e.resources = Columns.resources(token.resources());
        e.authTime = Columns.millis(token.authTime());
        e.issuedAt = Columns.millis(token.issuedAt());
        e.expiresAt = Columns.millis(token.expiresAt());
        e.familyExpiresAt = Columns.millis(token.familyExpiresAt());
        e.state = token.state().name();
        return e;
    }

    /** The token this row holds. */
    public RefreshTokenRecord toRecord() {
        return new RefreshTokenRecord(tokenHash, familyId, clientId, subject, Columns.scope(scope),
                Columns.resources(resources), Columns.instant(authTime), Columns.instant(issuedAt),
                Columns.instant(expiresAt), Columns.instant(familyExpiresAt), RefreshTokenState.valueOf(state));
    }
}
