package dev.lanyard.spec.token;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * The client credentials grant's token request (RFC 6749 §4.4.2, RFC 8707 §2.2). The client authenticates; its
 * credentials are read by {@link ClientCredentialsInRequest}.
 *
 * @param scope     {@code scope}, OPTIONAL
 * @param resources {@code resource} values (RFC 8707 §2.2), in order; empty if none
 */
public record ClientCredentialsGrant(Optional<Scope> scope, List<ResourceIndicator> resources)
        implements TokenRequest {

    public ClientCredentialsGrant {
        Objects.requireNonNull(scope, "scope");
        resources = List.copyOf(resources);
        GrantParameters.checkScope(scope);
    }

    static ClientCredentialsGrant parse(FormParameters p) {
        Optional<Scope> scope = Scope.parseOptional(p.get("scope"));
        return new ClientCredentialsGrant(scope, GrantParameters.resources(p));
    }

    @Override
    public GrantType grantType() {
        return GrantType.CLIENT_CREDENTIALS;
    }

    @Override
    public FormParameters toForm() {
        return FormParameters.builder()
                .add("grant_type", grantType().value())
                .add("scope", scope)
                .addAll("resource", resources)
                .build();
    }
}
