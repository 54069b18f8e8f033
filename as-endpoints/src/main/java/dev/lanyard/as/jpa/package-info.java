/** Running the grants module's JPA stores on a Jakarta EE container's JTA transactions. */
package dev.lanyard.as.jpa;
