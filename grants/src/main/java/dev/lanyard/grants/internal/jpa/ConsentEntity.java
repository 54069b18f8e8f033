package dev.lanyard.grants.internal.jpa;

import java.nio.charset.StandardCharsets;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.store.Consent;

/**
 * Table {@code lanyard_consent}: one row per user and client. The key is the SHA-256 of both (length-prefixed), so
 * that long CIMD client ids fit a portable primary key.
 */
@Cacheable(false)
@Entity(name = "LanyardConsent")
@Table(name = "lanyard_consent")
public class ConsentEntity {

    @Id
    @Column(name = "consent_key", length = 64)
    private String consentKey;
    @Column(name = "subject", length = 1024, nullable = false)
    private String subject;
    @Column(name = "client_id", length = 2048, nullable = false)
    private String clientId;
    @Column(name = "scope", length = 4096)
    private String scope;
    @Column(name = "resources", length = 8192)
    private String resources;
    @Column(name = "granted_at", nullable = false)
    private long grantedAt;

    /** For the JPA provider. */
    public ConsentEntity() {
    }

    /** The key of the consent of {@code subject} to {@code clientId}, also the owner key of their refresh tokens. */
    public static String key(String subject, String clientId) {
        String joined = subject.length() + ":" + subject + clientId;
        return Digests.base64Url(Digests.sha256(joined.getBytes(StandardCharsets.UTF_8)));
    }

    /** The row of {@code consent}. */
    public static ConsentEntity of(Consent consent) {
        ConsentEntity e = new ConsentEntity();
        e.consentKey = key(consent.subject(), consent.clientId());
        e.subject = consent.subject();
        e.clientId = consent.clientId();
        e.scope = Columns.scope(consent.scope());
        e.resources = Columns.resources(consent.resources());
        e.grantedAt = Columns.millis(consent.grantedAt());
        return e;
    }

    /** The consent this row holds. */
    public Consent toRecord() {
        return new Consent(subject, clientId, Columns.scope(scope), Columns.resources(resources),
                Columns.instant(grantedAt));
    }
}
