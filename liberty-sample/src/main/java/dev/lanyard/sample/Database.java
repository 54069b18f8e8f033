package dev.lanyard.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The authorization server's stores ({@code lanyard.as.store=jpa}) use this container-managed persistence context:
 * the unit {@code lanyard} of {@code META-INF/persistence.xml} on the server's datasource {@code jdbc/lanyard}.
 */
@ApplicationScoped
public class Database {

    @Produces
    @PersistenceContext(unitName = "lanyard")
    EntityManager entityManager;
}
