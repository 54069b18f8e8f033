package dev.lanyard.grants.idjag;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * One rule of a {@link RuleListIdJagPolicy}: the client {@code clientId} of the IdP may obtain ID-JAGs for the
 * resource authorization server {@code audience}, where it is {@code clientIdAtAudience}, for any of
 * {@code resources}, with at most {@code scope} and authorization details of {@code authorizationDetailTypes}.
 *
 * @param clientId           the client's {@code client_id} at the IdP, compared exactly
 * @param audience           the resource authorization server's issuer identifier, compared exactly
 * @param clientIdAtAudience the client's {@code client_id} at that server
 * @param resources          the resources it may reach there; not empty
 * @param scope              the most scope it may get there; also what it gets when it asks for none
 * @param authorizationDetailTypes the authorization detail {@code type}s (RFC 9396 §2) it may ask for there; any
 *                           other type is refused ({@code invalid_authorization_details}, RFC 9396 §5); empty: none
 */
public record IdJagRule(String clientId, String audience, String clientIdAtAudience,
        List<ResourceIndicator> resources, Scope scope, Set<String> authorizationDetailTypes) {

    /** A rule that allows no authorization details. */
    public IdJagRule(String clientId, String audience, String clientIdAtAudience, List<ResourceIndicator> resources,
            Scope scope) {
        this(clientId, audience, clientIdAtAudience, resources, scope, Set.of());
    }

    public IdJagRule {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clientIdAtAudience, "clientIdAtAudience");
        resources = List.copyOf(resources);
        Objects.requireNonNull(scope, "scope");
        authorizationDetailTypes = Collections.unmodifiableSet(new LinkedHashSet<>(authorizationDetailTypes));
        if (clientId.isEmpty() || audience.isEmpty() || clientIdAtAudience.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException("a rule names a client, an audience, the client there and resources");
        }
    }
}
