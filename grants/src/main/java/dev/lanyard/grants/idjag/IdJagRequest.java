package dev.lanyard.grants.idjag;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.grants.client.RegisteredClient;
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
 */
public record IdJagRequest(RegisteredClient client, String subject, String audience,
        List<ResourceIndicator> resources, Optional<Scope> scope) {

    public IdJagRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        resources = List.copyOf(resources);
        Objects.requireNonNull(scope, "scope");
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("an ID-JAG request names a resource");
        }
    }
}
