package dev.lanyard.grants.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.idjag.IdJagDecision;
import dev.lanyard.grants.idjag.IdJagPolicy;
import dev.lanyard.grants.idjag.IdJagRequest;
import dev.lanyard.grants.idjag.IdJagSettings;
import dev.lanyard.grants.idjag.SubjectAttributes;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.internal.grant.GrantErrors;
import dev.lanyard.grants.internal.idjag.ExchangeSubject;
import dev.lanyard.grants.internal.idjag.IdJagRules;
import dev.lanyard.grants.internal.idjag.SubjectTokens;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.spec.claims.IdJagClaims;
import dev.lanyard.spec.claims.IdJagClaimsBuilder;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.TokenExchangeGrant;

/**
 * The IdP role of Cross App Access: token exchange (RFC 8693) for an Identity Assertion JWT Authorization Grant
 * ({@value dev.lanyard.spec.ref.Specs#ID_JAG} §4.3, with the MCP enterprise-managed authorization profile).
 *
 * <p>Checks, in order:
 * <ol>
 *   <li>a confidential client (§8.1; {@code unauthorized_client} otherwise);</li>
 *   <li>{@code requested_token_type} is {@code urn:ietf:params:oauth:token-type:id-jag}: the only type this server
 *       issues by exchange ({@code invalid_request} "unsupported requested_token_type" otherwise);</li>
 *   <li>no {@code actor_token}: its processing is undefined by the draft and unused by the MCP profile
 *       ({@code invalid_request});</li>
 *   <li>one {@code audience}, another server than this one ({@code invalid_target}); at least one {@code resource}
 *       (MCP profile: REQUIRED; {@code invalid_request}); a malformed resource was already {@code invalid_target}
 *       (RFC 8707 §2; A-088);</li>
 *   <li>the subject token, at most {@link IdJagSettings#maxSubjectTokenLength()} characters, is valid for its
 *       declared type: an ID token of this server for this client, or one of its active refresh tokens bound to this
 *       client. Any failure is {@code invalid_request}, as RFC 8693 §2.2.2 requires ;</li>
 *   <li>the {@link IdJagPolicy} grants all or part of the request: a refused audience or resource is
 *       {@code invalid_target} (RFC 8693 §2.2.2; A-088), no allowed scope is {@code invalid_scope}.</li>
 * </ol>
 *
 * <p>The ID-JAG (§3.1): header {@code typ: oauth-id-jag+jwt}; {@code iss} this issuer, {@code sub}, {@code aud} the
 * audience, {@code client_id} the client's id there (from the policy), {@code jti}, {@code iat}, {@code exp} after
 * {@link IdJagSettings#idJagLifetime()} but never after the subject token's, the granted {@code resource} and
 * {@code scope} (§4.3.3: reductions reflected), {@code auth_time} when known and {@code email} when
 * {@link SubjectAttributes} knows it. The response (§4.3.4): {@code issued_token_type} id-jag,
 * {@code token_type N_A}, {@code expires_in}, {@code scope} when it differs from the request, no refresh token.
 */
public final class TokenExchangeGrantHandler implements GrantHandler<TokenExchangeGrant> {

    private final SubjectTokens subjectTokens;
    private final SigningKeys keys;
    private final IdJagPolicy policy;
    private final SubjectAttributes attributes;
    private final GrantSettings settings;
    private final IdJagSettings idJag;
    private final Clock clock;

    /**
     * @param refreshTokens the refresh token families (refresh tokens as subject tokens)
     * @param consents      users' consents, which must still cover a refresh token's grant
     * @param keys          this server's keys: they verify its ID tokens and sign ID-JAGs
     * @param policy        the enterprise's rules
     * @param attributes    what is known of users ({@code email})
     * @param settings      the issuer and clock skew
     * @param idJag         ID-JAG lifetime and subject token cap
     * @param clock         the time source
     */
    public TokenExchangeGrantHandler(RefreshTokenStore refreshTokens, ConsentStore consents, SigningKeys keys,
            IdJagPolicy policy, SubjectAttributes attributes, GrantSettings settings, IdJagSettings idJag,
            Clock clock) {
        this.subjectTokens = new SubjectTokens(refreshTokens, consents, keys, settings, clock);
        this.keys = keys;
        this.policy = policy;
        this.attributes = attributes;
        this.settings = settings;
        this.idJag = idJag;
        this.clock = clock;
    }

    @Override
    public GrantType grantType() {
        return GrantType.TOKEN_EXCHANGE;
    }

    @Override
    public Class<TokenExchangeGrant> requestType() {
        return TokenExchangeGrant.class;
    }

    @Override
    public AccessTokenResponse handle(TokenExchangeGrant request, AuthenticatedClient client) {
        if (!client.client().isConfidential()) {
            // ID-JAG §8.1: SHOULD only be supported for confidential clients
            throw GrantErrors.unauthorizedClient("Only confidential clients may request an ID-JAG",
                    IdJagRules.CONFIDENTIAL_CLIENTS);
        }
        String audience = checkShape(request);
        if (request.subjectToken().length() > idJag.maxSubjectTokenLength()) {
            // TX-03 LIB: a maximum subject token size; refused, never another grant
            throw OAuthException.invalidRequest("Parameter subject_token is too long", IdJagRules.EXCHANGE_ERRORS);
        }
        ExchangeSubject subject = subjectTokens.validate(request.subjectToken(), request.subjectTokenType(),
                client.client());
        IdJagDecision.Granted granted = decide(new IdJagRequest(client.client(), subject.subject(), audience,
                request.resources(), request.scope()));
        Instant now = clock.instant();
        Instant limit = now.plus(idJag.idJagLifetime());
        // TX-07 LIB: the issued token lives no longer than the subject token
        Instant exp = subject.expiresAt().isBefore(limit) ? subject.expiresAt() : limit;
        IdJagClaimsBuilder b = IdJagClaims.builder().iss(settings.issuer()).sub(subject.subject()).aud(audience)
                .clientId(granted.clientIdAtAudience()).jti(Digests.randomId()).iat(now).exp(exp)
                .resource(granted.resources());
        if (!granted.scope().isEmpty()) {
            b.scope(granted.scope());
        }
        subject.authTime().ifPresent(t -> b.authentication(t, null, List.of()));
        attributes.email(subject.subject()).ifPresent(b::email);
        String jwt = keys.sign(IdJagClaims.TYP, b.build().toJson().toString());
        // ID-JAG §4.3.4: scope OPTIONAL if identical to the request, REQUIRED otherwise
        Optional<Scope> scope = Optional.of(granted.scope()).filter(s -> !s.isEmpty())
                .filter(s -> !request.scope().equals(Optional.of(s)));
        return new AccessTokenResponse(jwt, AccessTokenResponse.NOT_APPLICABLE,
                Optional.of(exp.getEpochSecond() - now.getEpochSecond()), Optional.empty(), scope,
                Optional.of(TokenTypeUri.ID_JAG), Optional.empty(), Map.of());
    }

    /** The audience, after the request's shape is checked against the profile. */
    private String checkShape(TokenExchangeGrant request) {
        if (!request.requestedTokenType().equals(Optional.of(TokenTypeUri.ID_JAG))) {
            // RFC 8693 §2.2.2: this server issues only ID-JAGs by token exchange
            throw OAuthException.invalidRequest("Unsupported requested_token_type", IdJagRules.EXCHANGE_ERRORS);
        }
        if (request.actorToken().isPresent()) {
            // ID-JAG §4.3: actor_token processing is out of scope; the MCP profile does not use it
            throw OAuthException.invalidRequest("Parameter actor_token is not supported",
                    IdJagRules.EXCHANGE_REQUEST);
        }
        if (request.audiences().size() != 1) {
            // ID-JAG §3.1: the ID-JAG's aud is one authorization server; RFC 8693 §2.2.2 invalid_target
            throw OAuthException.of(OAuthError.INVALID_TARGET, "Parameter audience must name one authorization server",
                    IdJagRules.EXCHANGE_ERRORS);
        }
        String audience = request.audiences().get(0);
        if (audience.equals(settings.issuer())) {
            // ID-JAG §8.3: the IdP MUST NOT issue access tokens for an ID-JAG it issued itself
            throw OAuthException.of(OAuthError.INVALID_TARGET, "Parameter audience must be another authorization "
                    + "server", IdJagRules.CROSS_DOMAIN);
        }
        if (request.resources().isEmpty()) {
            // MCP enterprise-managed authorization: resource is REQUIRED in the token exchange
            throw OAuthException.invalidRequest("Missing parameter resource", IdJagRules.MCP_PROFILE);
        }
        return audience;
    }

    private IdJagDecision.Granted decide(IdJagRequest request) {
        IdJagDecision decision = policy.decide(request);
        if (decision instanceof IdJagDecision.Refused refused) {
            throw switch (refused.reason()) {
                case AUDIENCE -> OAuthException.of(OAuthError.INVALID_TARGET,
                        "The client may not obtain an ID-JAG for this audience", IdJagRules.EXCHANGE_ERRORS);
                case RESOURCE -> OAuthException.of(OAuthError.INVALID_TARGET,
                        "The client may not obtain an ID-JAG for this resource", IdJagRules.EXCHANGE_ERRORS);
                case SCOPE -> GrantErrors.invalidScope("The requested scope is not allowed by policy",
                        IdJagRules.EXCHANGE_PROCESSING);
            };
        }
        IdJagDecision.Granted granted = (IdJagDecision.Granted) decision;
        List<ResourceIndicator> asked = request.resources();
        boolean narrows = asked.containsAll(granted.resources())
                && request.scope().map(s -> s.containsAll(granted.scope())).orElse(true);
        if (!narrows) {
            // ID-JAG §4.3.3: the IdP MAY grant a subset; a policy never widens the request
            throw new IllegalStateException("the ID-JAG policy granted more than was requested");
        }
        return granted;
    }
}
