package dev.lanyard.spec.token;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.ref.Specs;

/**
 * The refresh token grant's token request (RFC 6749 §6, RFC 8707 §2.2).
 *
 * @param refreshToken {@code refresh_token}, REQUIRED; at most {@link TokenRequest#MAX_REFRESH_TOKEN_LENGTH} VSCHAR
 *                     characters
 * @param scope        {@code scope}, OPTIONAL; absent means the scope originally granted
 * @param resources    {@code resource} values (RFC 8707 §2.2), in order; empty if none
 */
public record RefreshTokenGrant(String refreshToken, Optional<Scope> scope, List<ResourceIndicator> resources)
        implements TokenRequest {

    public RefreshTokenGrant {
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(scope, "scope");
        resources = List.copyOf(resources);
        GrantParameters.checkVschars("refreshToken", Optional.of(refreshToken), MAX_REFRESH_TOKEN_LENGTH);
        GrantParameters.checkScope(scope);
    }

    static RefreshTokenGrant parse(FormParameters p) {
        String refreshToken = GrantParameters.vschars("refresh_token",
                GrantParameters.require(p, "refresh_token", MAX_REFRESH_TOKEN_LENGTH, Specs.RFC6749_REFRESH));
        Optional<Scope> scope = Scope.parseOptional(p.get("scope"));
        return new RefreshTokenGrant(refreshToken, scope, GrantParameters.resources(p));
    }

    @Override
    public GrantType grantType() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public FormParameters toForm() {
        return FormParameters.builder()
                .add("grant_type", grantType().value())
                .add("refresh_token", refreshToken)
                .add("scope", scope)
                .addAll("resource", resources)
                .build();
    }

    /** The refresh token is not shown. */
    @Override
    public String toString() {
        return "RefreshTokenGrant[scope=" + scope + ", resources=" + resources + "]";
    }
}
