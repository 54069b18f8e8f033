/**
 * JPA entities of the stores: not API, listed in {@code META-INF/lanyard-grants-orm.xml}. Every entity is
 * {@code @Cacheable(false)}: several nodes share the database, and a second-level cache on one node would not see
 * another node's conditional updates.
 */
package dev.lanyard.grants.internal.jpa;
