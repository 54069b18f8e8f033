/** JPA entities of the stores: not API, listed in {@code META-INF/lanyard-grants-orm.xml}. */
package dev.lanyard.grants.internal.jpa;
