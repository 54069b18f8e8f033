package dev.lanyard.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One note of one user, as the MCP server's tools keep it (table {@code sample_note}). */
@Entity
@Table(name = "sample_note", indexes = @Index(name = "sample_note_owner", columnList = "owner, created_at"))
public class Note {

    @Id
    @Column(length = 36)
    private String id;
    @Column(nullable = false, length = 1024)
    private String owner;
    @Column(nullable = false, length = Notes.MAX_TEXT)
    private String text;
    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** For JPA. */
    protected Note() {
    }

    Note(String id, String owner, String text, long createdAt) {
        this.id = id;
        this.owner = owner;
        this.text = text;
        this.createdAt = createdAt;
    }

    String text() {
        return text;
    }

    long createdAt() {
        return createdAt;
    }
}
