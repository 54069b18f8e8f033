package dev.lanyard.grants.idjag;

import java.util.Optional;

import dev.lanyard.spec.claims.IdJagClaims;

/**
 * Maps the user an ID-JAG names at a trusted IdP to a local account of the resource authorization server
 * ({@value dev.lanyard.spec.ref.Specs#ID_JAG} §4.1: the server maps the issuer's identities to local accounts).
 *
 * <p>The default, {@link #IDENTITY}, uses the ID-JAG's {@code sub} as is: the draft (§3.1) requires it to be the
 * identifier the resource authorization server receives from the same IdP through SSO, so the user has the same
 * {@code sub} either way. With several trusted IdPs whose identifiers may collide, replace it, for example with a
 * lookup by {@code iss} and {@code sub} (or {@code aud_sub}, or {@code email}) in the local directory.
 */
@FunctionalInterface
public interface SubjectMapper {

    /** The ID-JAG's {@code sub}, unchanged. */
    SubjectMapper IDENTITY = assertion -> Optional.of(assertion.sub());

    /**
     * The local subject for a verified ID-JAG.
     *
     * @return the local account's subject, or empty when the user has none here ({@code invalid_grant})
     */
    Optional<String> localSubject(IdJagClaims assertion);
}
