package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * A user's standing consent to a client: the scope and resources the user let it have.
 *
 * @param subject   the user
 * @param clientId  the client
 * @param scope     the scope consented to
 * @param resources the resources consented to
 * @param grantedAt when consent was given
 */
public record Consent(String subject, String clientId, Scope scope, List<ResourceIndicator> resources,
        Instant grantedAt) {

    public Consent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        resources = List.copyOf(resources);
        Objects.requireNonNull(grantedAt, "grantedAt");
    }

    /** Whether this consent still covers {@code wanted} and every resource of {@code wantedResources}. */
    public boolean covers(Scope wanted, List<ResourceIndicator> wantedResources) {
        return scope.containsAll(wanted) && resources.containsAll(wantedResources);
    }
}
