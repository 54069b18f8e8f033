package dev.lanyard.grants.internal.jpa;

import java.nio.charset.StandardCharsets;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import dev.lanyard.grants.internal.Digests;

/** Table {@code lanyard_replay}: one row per one-time identifier; the primary key makes the check atomic. */
@Cacheable(false)
@Entity(name = "LanyardReplay")
@Table(name = "lanyard_replay", indexes = @Index(name = "lanyard_replay_exp", columnList = "expires_at"))
public class ReplayEntryEntity {

    @Id
    @Column(name = "entry_key", length = 64)
    private String entryKey;
    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    /** For the JPA provider. */
    public ReplayEntryEntity() {
    }

    /** A row for {@code key} (kept as its SHA-256, so any length fits) until {@code expiresAtMillis}. */
    public static ReplayEntryEntity of(String key, long expiresAtMillis) {
        ReplayEntryEntity e = new ReplayEntryEntity();
        e.entryKey = keyOf(key);
        e.expiresAt = expiresAtMillis;
        return e;
    }

    /** The stored key of {@code key}. */
    public static String keyOf(String key) {
        return Digests.base64Url(Digests.sha256(key.getBytes(StandardCharsets.UTF_8)));
    }
}
