package dev.lanyard.grants.internal.jpa;

import java.nio.charset.StandardCharsets;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import dev.lanyard.cimd.StoredCimdDocument;
import dev.lanyard.grants.internal.Digests;

/**
 * Table {@code lanyard_cimd_document}: the shared cache of validated Client ID Metadata Documents. The key is the
 * SHA-256 of the client identifier URL, so that long URLs fit a portable primary key.
 */
@Cacheable(false)
@Entity(name = "LanyardCimdDocument")
@Table(name = "lanyard_cimd_document", indexes = @Index(name = "lanyard_cimd_document_stale",
        columnList = "stale_until"))
public class CimdDocumentEntity {

    @Id
    @Column(name = "url_key", length = 64)
    private String urlKey;
    @Column(name = "client_id", length = 2048, nullable = false)
    private String clientId;
    @Column(name = "document", length = 65536, nullable = false)
    private String document;
    @Column(name = "fetched_at", nullable = false)
    private long fetchedAt;
    @Column(name = "fresh_until", nullable = false)
    private long freshUntil;
    @Column(name = "stale_until", nullable = false)
    private long staleUntil;

    /** For the JPA provider. */
    public CimdDocumentEntity() {
    }

    /** The key of {@code clientId}. */
    public static String key(String clientId) {
        return Digests.base64Url(Digests.sha256(clientId.getBytes(StandardCharsets.UTF_8)));
    }

    /** The row of {@code d}. */
    public static CimdDocumentEntity of(StoredCimdDocument d) {
        CimdDocumentEntity e = new CimdDocumentEntity();
        e.urlKey = key(d.clientId());
        e.clientId = d.clientId();
        e.document = d.json();
        e.fetchedAt = Columns.millis(d.fetchedAt());
        e.freshUntil = Columns.millis(d.freshUntil());
        e.staleUntil = Columns.millis(d.staleUntil());
        return e;
    }

    /** The entry this row holds. */
    public StoredCimdDocument toRecord() {
        return new StoredCimdDocument(clientId, document, Columns.instant(fetchedAt), Columns.instant(freshUntil),
                Columns.instant(staleUntil));
    }

    /** The client identifier URL of this row. */
    public String clientId() {
        return clientId;
    }
}
