package dev.lanyard.as.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** What an application does for {@code lanyard.as.store=jpa}: exposes its container-managed persistence context. */
@ApplicationScoped
public class JpaEntityManager {

    @Produces
    @PersistenceContext(unitName = "lanyard")
    EntityManager entityManager;
}
