package dev.lanyard.sample.idp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The IdP's stores ({@code lanyard.as.store=jpa}) use this container-managed persistence context: the unit
 * {@code lanyard-idp} of {@code META-INF/persistence.xml} on the server's datasource {@code jdbc/lanyard-idp}, apart
 * from the MCP authorization server's database.
 */
@ApplicationScoped
public class IdpDatabase {

    @Produces
    @PersistenceContext(unitName = "lanyard-idp")
    EntityManager entityManager;
}
