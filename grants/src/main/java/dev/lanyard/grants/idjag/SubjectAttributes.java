package dev.lanyard.grants.idjag;

import java.util.Optional;

/**
 * What the IdP knows about its users beyond their identifier, for the ID-JAG's RECOMMENDED {@code email} claim
 * ({@value dev.lanyard.spec.ref.Specs#ID_JAG} §3.1). Replace {@link #NONE} with a lookup in the user directory.
 */
@FunctionalInterface
public interface SubjectAttributes {

    /** Knows nothing: ID-JAGs carry no {@code email}. */
    SubjectAttributes NONE = subject -> Optional.empty();

    /** The verified e-mail address of {@code subject}, when known. */
    Optional<String> email(String subject);
}
