package dev.lanyard.sample;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The notes of each user, in the sample's database (the persistence unit {@code lanyard}), bounded per user. */
@ApplicationScoped
public class Notes {

    static final int MAX_TEXT = 2000;
    static final int MAX_PER_USER = 1000;

    @PersistenceContext(unitName = "lanyard")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Created by CDI. */
    public Notes() {
        // the entity manager is injected
    }

    /** The notes of {@code owner}, oldest first, each with the time it was added. */
    @Transactional
    public List<String> list(String owner) {
        return em.createQuery("SELECT n FROM Note n WHERE n.owner = :owner ORDER BY n.createdAt, n.id", Note.class)
                .setParameter("owner", owner).setMaxResults(MAX_PER_USER).getResultList().stream()
                .map(n -> n.text() + " (" + Instant.ofEpochMilli(n.createdAt()) + ")").toList();
    }

    /** Adds a note; false when {@code owner} already has {@link #MAX_PER_USER} notes. */
    @Transactional
    public boolean add(String owner, String text) {
        long count = em.createQuery("SELECT COUNT(n) FROM Note n WHERE n.owner = :owner", Long.class)
                .setParameter("owner", owner).getSingleResult();
        if (count >= MAX_PER_USER) {
            return false;
        }
        em.persist(new Note(UUID.randomUUID().toString(), owner, text, clock.millis()));
        return true;
    }
}
