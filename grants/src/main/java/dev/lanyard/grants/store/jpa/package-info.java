/**
 * JPA stores: the default for a real deployment, correct on any number of nodes sharing one database. See
 * {@link dev.lanyard.grants.store.jpa.JpaStores} for the persistence unit.
 */
package dev.lanyard.grants.store.jpa;
