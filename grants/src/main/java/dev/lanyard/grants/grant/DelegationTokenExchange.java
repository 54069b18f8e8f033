package dev.lanyard.grants.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.internal.AccessTokens;
import dev.lanyard.grants.internal.grant.GrantErrors;
import dev.lanyard.grants.internal.grant.RefreshTokens;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.token.AccessTokenContent;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.grants.token.IssuedAccessToken;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.TokenExchangeGrant;

/**
 * The delegation token exchange of RFC 8693 for access tokens: a confidential client trades an access token this
 * server issued (the subject) for a new access token for another target, optionally acting for the subject with its
 * own access token (the actor). Used through {@link TokenExchangeGrantHandler#withDelegation}.
 *
 * <ul>
 *   <li>{@code subject_token} and {@code actor_token} at most {@link TokenExchangeSettings#maxSubjectTokenLength()}
 *       characters ({@code invalid_request}; nothing issued: A-084);</li>
 *   <li>{@code subject_token_type} and {@code actor_token_type} are {@code access_token}; each token is an access
 *       token of this server: a published key verifies it, {@code typ at+jwt}, {@code iss} this issuer, unexpired,
 *       not revoked. A refresh token, an ID token or an ID-JAG declared as an access token, an access token declared
 *       as anything else, an expired, revoked, malformed or foreign token: {@code invalid_request}, as RFC 8693
 *       §2.2.2 says (A-083, A-087; the Spring Authorization Server answers {@code invalid_grant});</li>
 *   <li>the subject token is one the client may exchange: issued to the client itself, or for an audience among the
 *       client's permitted targets; another party's token for another resource is {@code invalid_request}
 *       (TX-07; RFC 8693 §2.2.2: unacceptable by policy);</li>
 *   <li>the actor token was issued to the authenticated client ({@code invalid_request}): the actor is the client
 *       itself, which cannot present another party's token as its own;</li>
 *   <li>a {@code may_act} claim in the subject token (RFC 8693 §4.4) names who may act for its subject: an actor
 *       token is then required and its {@code sub} (and {@code iss}, when {@code may_act} names one) must match,
 *       else {@code invalid_request};</li>
 *   <li>every {@code audience} and {@code resource} is one of the client's permitted targets and a resource this
 *       server serves; an unlisted, relative or fragment value is {@code invalid_target} (RFC 8693 §2.2.2, RFC 8707
 *       §2; A-088). Without any, the client's only permitted target, else {@code invalid_request};</li>
 *   <li>{@code scope} within the subject token's ({@code invalid_scope}); without it, the subject token's;</li>
 *   <li>no {@code authorization_details}: this exchange knows no type ({@code invalid_authorization_details},
 *       RFC 9396 §5).</li>
 * </ul>
 *
 * <p>The token (RFC 8693 §2.2.1, §4.1): {@code sub}, {@code auth_time} of the subject token; {@code client_id} the
 * client; {@code aud} the targets; {@code exp} no later than the subject token's. With an actor token, {@code act}
 * is {@code {"sub": <the actor's sub>}} with the subject token's own {@code act} nested in it (a delegation chain).
 * Without one the exchange is impersonation (RFC 8693 §1.1): no new {@code act}, but an {@code act} already in the
 * subject token is kept as is, so that a delegated token never comes out looking direct. The response:
 * {@code issued_token_type} access_token, {@code token_type Bearer}, {@code expires_in}, {@code scope}, no refresh
 * token.
 */
public final class DelegationTokenExchange {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final SpecRef ERRORS = SpecRef.rfc(8693, "2.2.2");
    private static final SpecRef REQUEST = SpecRef.rfc(8693, "2.1");

    private final SigningKeys keys;
    private final RevokedAccessTokens revoked;
    private final AccessTokenIssuer issuer;
    private final GrantSettings settings;
    private final TokenExchangeSettings exchange;
    private final Clock clock;

    /**
     * @param keys     this server's keys, which verify its access tokens
     * @param revoked  the revoked access tokens
     * @param issuer   the access token issuer
     * @param settings this issuer and the resources it serves
     * @param exchange the subject token cap and each client's permitted targets
     * @param clock    the time source
     */
    public DelegationTokenExchange(SigningKeys keys, RevokedAccessTokens revoked, AccessTokenIssuer issuer,
            GrantSettings settings, TokenExchangeSettings exchange, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.revoked = Objects.requireNonNull(revoked, "revoked");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    AccessTokenResponse exchange(TokenExchangeGrant request, AuthenticatedClient client) {
        int cap = exchange.maxSubjectTokenLength();
        if (request.subjectToken().length() > cap || request.actorToken().map(String::length).orElse(0) > cap) {
            // TX-03 LIB: a maximum token size; refused, never another grant
            throw OAuthException.invalidRequest("Parameter subject_token or actor_token is too long", ERRORS);
        }
        if (request.authorizationDetails().isPresent()) {
            // RFC 9396 §5: no authorization details type is known to this exchange; refused, never dropped
            throw OAuthException.of(OAuthError.INVALID_AUTHORIZATION_DETAILS,
                    "Authorization details are not supported by this token exchange", SpecRef.rfc(9396, "5"));
        }
        AccessTokenClaims subject = accessToken("subject_token", request.subjectToken(), request.subjectTokenType());
        List<String> permitted = exchange.targets(client.clientId());
        if (!subject.clientId().equals(client.clientId()) && subject.aud().stream().noneMatch(permitted::contains)) {
            // TX-07 (GHSA-vrh8-c9cm-wh8v): only a token the client may use; RFC 8693 §2.2.2: unacceptable by policy
            throw new OAuthException(OAuthError.INVALID_REQUEST.withDescription(
                    "Parameter subject_token may not be exchanged by this client"), ERRORS,
                    "subject token of another client for another audience");
        }
        Optional<JsonObject> act = subject.act();
        Optional<AccessTokenClaims> actor = Optional.empty();
        if (request.actorToken().isPresent()) {
            actor = Optional.of(accessToken("actor_token", request.actorToken().get(),
                    request.actorTokenType().orElseThrow()));
        }
        mayAct(subject, actor);
        if (actor.isPresent()) {
            if (!actor.get().clientId().equals(client.clientId())) {
                // RFC 8693 §2.1: the actor token represents the acting party: here, the authenticated client
                throw invalid("actor_token", "issued to another client");
            }
            // RFC 8693 §4.1: act names the current actor; prior actors nest inside it
            JsonObjectBuilder b = JSON.createObjectBuilder().add("sub", actor.get().sub());
            subject.act().ifPresent(prior -> b.add("act", prior));
            act = Optional.of(b.build());
        }
        List<ResourceIndicator> audience = targets(request, client.clientId());
        Optional<Scope> scope = scope(request.scope(), subject.scope());
        IssuedAccessToken token = issuer.issue(new AccessTokenContent(GrantType.TOKEN_EXCHANGE, client.clientId(),
                subject.sub(), audience, scope, subject.authTime().map(Instant::ofEpochSecond), act),
                subject.expiration());
        // RFC 8693 §2.2.1: issued_token_type REQUIRED; no refresh token for a delegated access token
        return new AccessTokenResponse(token.value(), AccessTokenResponse.BEARER, Optional.of(token.expiresIn()),
                Optional.empty(), token.claims().scope(), Optional.of(TokenTypeUri.ACCESS_TOKEN), Optional.empty(),
                Map.of());
    }

    private AccessTokenClaims accessToken(String parameter, String token, TokenTypeUri type) {
        if (!type.equals(TokenTypeUri.ACCESS_TOKEN)) {
            // RFC 8693 §2.2.2: a token type this server does not accept for the request is invalid_request
            throw OAuthException.invalidRequest("Unsupported " + parameter + "_type", ERRORS);
        }
        // RFC 8693 §2.1: validated as the declared type; an RT, ID token or ID-JAG is no at+jwt of this issuer
        AccessTokenClaims claims = AccessTokens.read(token, keys, settings)
                .orElseThrow(() -> invalid(parameter, "not an access token of this server"));
        if (!clock.instant().isBefore(claims.expiration())) {
            throw invalid(parameter, "expired");
        }
        if (RefreshTokens.isRevoked(revoked, claims.jti())) {
            throw invalid(parameter, "revoked");
        }
        return claims;
    }

    // RFC 8693 §4.4: may_act names the party allowed to act for the subject; any other actor, or none, is refused
    private static void mayAct(AccessTokenClaims subject, Optional<AccessTokenClaims> actor) {
        JsonValue mayAct = subject.extensions().get("may_act");
        if (mayAct == null) {
            return;
        }
        boolean allowed = actor.isPresent() && mayAct instanceof JsonObject m
                && m.get("sub") instanceof JsonString sub && sub.getString().equals(actor.get().sub())
                && (!m.containsKey("iss") || m.get("iss") instanceof JsonString iss
                        && iss.getString().equals(actor.get().iss()));
        if (!allowed) {
            throw new OAuthException(OAuthError.INVALID_REQUEST.withDescription(
                    "The actor is not the one the subject_token's may_act claim allows"), ERRORS, "may_act");
        }
    }

    private List<ResourceIndicator> targets(TokenExchangeGrant request, String clientId) {
        Set<String> asked = new LinkedHashSet<>(request.audiences());
        request.resources().forEach(r -> asked.add(r.value()));
        List<String> permitted = exchange.targets(clientId);
        if (asked.isEmpty()) {
            if (permitted.size() != 1) {
                throw OAuthException.invalidRequest("Missing parameter audience or resource", REQUEST);
            }
            asked.addAll(permitted);
        }
        List<ResourceIndicator> out = new ArrayList<>();
        for (String target : asked) {
            if (!permitted.contains(target)) {
                // RFC 8693 §2.2.2: the client may not obtain a token for this target
                throw OAuthException.of(OAuthError.INVALID_TARGET, "The client may not exchange for this target",
                        ERRORS);
            }
            ResourceIndicator resource;
            try {
                resource = new ResourceIndicator(target);
            } catch (IllegalArgumentException e) {
                // RFC 8707 §2: an absolute URI without fragment; the token's aud is a resource indicator
                throw GrantErrors.invalidTarget("The target is not an absolute URI without fragment");
            }
            if (!settings.allowsResource(resource)) {
                throw GrantErrors.invalidTarget("The target is not served by this authorization server");
            }
            out.add(resource);
        }
        return out;
    }

    private static Optional<Scope> scope(Optional<Scope> requested, Optional<Scope> subject) {
        Scope held = subject.orElse(Scope.of());
        if (requested.isPresent() && !held.containsAll(requested.get())) {
            // RFC 8693 §2.2.2 / RFC 6749 §5.2: a delegated token never carries more than its subject token
            throw GrantErrors.invalidScope("The requested scope exceeds the subject token's",
                    SpecRef.rfc(6749, "3.3"));
        }
        return requested.or(() -> subject).filter(s -> !s.isEmpty());
    }

    private static OAuthException invalid(String parameter, String detail) {
        return new OAuthException(OAuthError.INVALID_REQUEST.withDescription(
                "Parameter " + parameter + " is not a valid access token"), ERRORS, detail);
    }
}
