package dev.lanyard.grants.idjag;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * What a client asks its IdP for, once the subject token was validated: an ID-JAG for {@code subject} at the
 * resource authorization server {@code audience}.
 *
 * @param client    the authenticated client, at the IdP
 * @param subject   the user, as the validated subject token names them
 * @param audience  the resource authorization server's issuer identifier ({@code audience})
 * @param resources the protected resources ({@code resource}); never empty (the MCP profile requires one)
 * @param scope     the scope asked for at the resource, when sent
 * @param authorizationDetails the authorization details asked for there (RFC 9396), when sent; never empty
 */
public record IdJagRequest(RegisteredClient client, String subject, String audience,
        List<ResourceIndicator> resources, Optional<Scope> scope, Optional<AuthorizationDetails> authorizationDetails) {

    /** A request without {@code authorization_details}. */
    public IdJagRequest(RegisteredClient client, String subject, String audience, List<ResourceIndicator> resources,
            Optional<Scope> scope) {
        this(client, subject, audience, resources, scope, Optional.empty());
    }

    public IdJagRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        resources = List.copyOf(resources);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(authorizationDetails, "authorizationDetails");
        if (authorizationDetails.isPresent() && authorizationDetails.get().isEmpty()) {
            throw new IllegalArgumentException("empty authorization details are absent");
        }
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("an ID-JAG request names a resource");
        }
    }
}
