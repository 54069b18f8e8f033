package dev.lanyard.rs;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.json.JsonObject;

import dev.lanyard.spec.core.Scope;

/**
 * The caller of a protected request, from a validated access token. Injectable with CDI ({@code @Inject
 * AccessTokenPrincipal caller}) in request scope, and the {@link Principal} of the request's {@code SecurityContext}.
 *
 * @param subject  {@code sub}: the resource owner, or the client for client-credentials tokens (RFC 9068 §2.2)
 * @param clientId {@code client_id}
 * @param scope    {@code scope} granted
 * @param issuer   {@code iss}
 * @param audience {@code aud}
 * @param expiresAt {@code exp}
 * @param tokenId  {@code jti}
 * @param claims   every claim of the token, for application use
 */
public record AccessTokenPrincipal(String subject, String clientId, Scope scope, String issuer, List<String> audience,
        Instant expiresAt, Optional<String> tokenId, JsonObject claims) implements Principal {

    public AccessTokenPrincipal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuer, "issuer");
        audience = List.copyOf(audience);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(claims, "claims");
    }

    /** The subject. */
    @Override
    public String getName() {
        return subject;
    }

    /** Claims are not shown: they may identify a person. */
    @Override
    public String toString() {
        return "AccessTokenPrincipal[client_id=" + clientId + ", scope=" + scope + "]";
    }
}
