package dev.lanyard.grants.idjag;

/**
 * The enterprise's rules at the IdP: which client may reach which resource authorization server and resources, with
 * which scopes, and under which {@code client_id} it is known there ({@value dev.lanyard.spec.ref.Specs#ID_JAG}
 * §4.3.3: the IdP evaluates its policy and MAY grant a subset). The default is {@link RuleListIdJagPolicy}; replace it
 * to consult a directory or group memberships.
 */
@FunctionalInterface
public interface IdJagPolicy {

    /**
     * Decides on a request whose client is authenticated and whose subject token is valid.
     *
     * @return a grant (all or part of what was asked) or a refusal; never {@code null}
     */
    IdJagDecision decide(IdJagRequest request);
}
