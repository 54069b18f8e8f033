package dev.lanyard.grants.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.json.JsonObject;

import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * What an access token says, decided by a grant handler; the issuer adds {@code iss}, {@code iat}, {@code exp} and
 * {@code jti}.
 *
 * @param grantType the grant that issues it (for customizers)
 * @param clientId  {@code client_id}
 * @param subject   {@code sub}: the user, or the client for client credentials
 * @param audience  {@code aud}: the resource indicators; never empty
 * @param scope     {@code scope}, when any was granted
 * @param authTime  {@code auth_time}, when the user's authentication time is known
 * @param act       {@code act} (RFC 8693 §4.1), for a token issued by a delegation token exchange: the acting party,
 *                  with the prior actors nested
 * @param authorizationDetails {@code authorization_details} (RFC 9396 §9.1): the granted authorization details;
 *                  empty: none (the claim is omitted)
 */
public record AccessTokenContent(GrantType grantType, String clientId, String subject,
        List<ResourceIndicator> audience, Optional<Scope> scope, Optional<Instant> authTime,
        Optional<JsonObject> act, AuthorizationDetails authorizationDetails) {

    /** The content of a token without authorization details. */
    public AccessTokenContent(GrantType grantType, String clientId, String subject, List<ResourceIndicator> audience,
            Optional<Scope> scope, Optional<Instant> authTime, Optional<JsonObject> act) {
        this(grantType, clientId, subject, audience, scope, authTime, act, AuthorizationDetails.of());
    }

    /** The content of a token that is no delegation (no {@code act}). */
    public AccessTokenContent(GrantType grantType, String clientId, String subject, List<ResourceIndicator> audience,
            Optional<Scope> scope, Optional<Instant> authTime) {
        this(grantType, clientId, subject, audience, scope, authTime, Optional.empty());
    }

    public AccessTokenContent {
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        audience = List.copyOf(audience);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(act, "act");
        Objects.requireNonNull(authorizationDetails, "authorizationDetails");
        if (act.isPresent() && !act.get().containsKey("sub")) {
            // RFC 8693 §4.1: the act claim identifies the actor, with sub (and optionally iss)
            throw new IllegalArgumentException("act names its actor with sub");
        }
        if (audience.isEmpty()) {
            // RFC 9068 §2.2: aud is REQUIRED
            throw new IllegalArgumentException("an access token has an audience");
        }
        if (scope.isPresent() && scope.get().isEmpty()) {
            throw new IllegalArgumentException("an empty scope is absent");
        }
    }
}
