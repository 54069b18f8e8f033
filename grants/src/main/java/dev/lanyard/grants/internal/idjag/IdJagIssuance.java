package dev.lanyard.grants.internal.idjag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.dpop.DpopProofVerifier;
import dev.lanyard.grants.grant.TokenRequestContext;
import dev.lanyard.grants.idjag.IdJagDecision;
import dev.lanyard.grants.idjag.IdJagPolicy;
import dev.lanyard.grants.idjag.IdJagRequest;
import dev.lanyard.grants.idjag.IdJagSettings;
import dev.lanyard.grants.idjag.SubjectAttributes;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.internal.grant.GrantErrors;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.spec.claims.IdJagClaims;
import dev.lanyard.spec.claims.IdJagClaimsBuilder;
import dev.lanyard.spec.core.AuthorizationDetail;
import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.TokenExchangeGrant;

/**
 * The IdP's token exchange for an ID-JAG ({@value dev.lanyard.spec.ref.Specs#ID_JAG} §4.3), once the client is known
 * to be confidential and {@code requested_token_type} is id-jag; the rules are listed on
 * {@code TokenExchangeGrantHandler}.
 */
public final class IdJagIssuance {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final SubjectTokens subjectTokens;
    private final SigningKeys keys;
    private final IdJagPolicy policy;
    private final SubjectAttributes attributes;
    private final GrantSettings settings;
    private final IdJagSettings idJag;
    private final Clock clock;

    /** See {@code TokenExchangeGrantHandler}'s constructor. */
    public IdJagIssuance(RefreshTokenStore refreshTokens, ConsentStore consents, SigningKeys keys,
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

    /**
     * The ID-JAG for {@code request}.
     *
     * @param dpop the proof checker, when this IdP reads DPoP proofs (§8.6)
     */
    public AccessTokenResponse issue(TokenExchangeGrant request, AuthenticatedClient client,
            TokenRequestContext context, Optional<DpopProofVerifier> dpop) {
        String audience = checkShape(request);
        if (request.subjectToken().length() > idJag.maxSubjectTokenLength()) {
            // TX-03 LIB: a maximum subject token size; refused, never another grant
            throw OAuthException.invalidRequest("Parameter subject_token is too long", IdJagRules.EXCHANGE_ERRORS);
        }
        // ID-JAG §8.6: the IdP MUST validate a DPoP proof sent with the exchange, and bind the ID-JAG to its key
        Optional<String> jkt = dpop.filter(d -> context.hasDpopProof()).map(d -> d.verify(context.dpopProofs()));
        ExchangeSubject subject = subjectTokens.validate(request.subjectToken(), request.subjectTokenType(),
                client.client());
        // ID-JAG §4.3.3: resource (RFC 8707), scope (RFC 6749 §3.3) and authorization_details (RFC 9396), together
        IdJagDecision.Granted granted = decide(new IdJagRequest(client.client(), subject.subject(), audience,
                request.resources(), request.scope(), request.authorizationDetails()));
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
        // ID-JAG §4.3.3: the granted authorization details, reflecting any reduction
        b.authorizationDetails(granted.authorizationDetails().entries().stream().map(AuthorizationDetail::json)
                .toList());
        subject.authTime().ifPresent(t -> b.authentication(t, null, List.of()));
        attributes.email(subject.subject()).ifPresent(b::email);
        // RFC 9449 §6.1: cnf.jkt, the JWK SHA-256 thumbprint of the proof's key
        jkt.ifPresent(t -> b.cnf(JSON.createObjectBuilder().add("jkt", t).build()));
        String jwt = keys.sign(IdJagClaims.TYP, b.build().toJson().toString());
        // ID-JAG §4.3.4: scope OPTIONAL if identical to the request, REQUIRED otherwise
        Optional<Scope> scope = Optional.of(granted.scope()).filter(s -> !s.isEmpty())
                .filter(s -> !request.scope().equals(Optional.of(s)));
        // ID-JAG §4.3.4: authorization_details MUST be included if altered; RFC 9396 §7: always, when granted
        Map<String, JsonValue> details = granted.authorizationDetails().isEmpty() ? Map.of()
                : Map.of("authorization_details", granted.authorizationDetails().toJson());
        return new AccessTokenResponse(jwt, AccessTokenResponse.NOT_APPLICABLE,
                Optional.of(exp.getEpochSecond() - now.getEpochSecond()), Optional.empty(), scope,
                Optional.of(TokenTypeUri.ID_JAG), Optional.empty(), details);
    }

    /** The audience, after the request's shape is checked against the profile. */
    private String checkShape(TokenExchangeGrant request) {
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
                case AUTHORIZATION_DETAILS -> OAuthException.of(OAuthError.INVALID_AUTHORIZATION_DETAILS,
                        "The requested authorization details are not allowed by policy", IdJagRules.DETAILS_ERRORS);
            };
        }
        IdJagDecision.Granted granted = (IdJagDecision.Granted) decision;
        List<ResourceIndicator> asked = request.resources();
        boolean narrows = asked.containsAll(granted.resources())
                && request.scope().map(s -> s.containsAll(granted.scope())).orElse(true)
                && request.authorizationDetails().orElse(AuthorizationDetails.of())
                        .containsAll(granted.authorizationDetails());
        if (!narrows) {
            // ID-JAG §4.3.3: the IdP MAY grant a subset; a policy never widens the request
            throw new IllegalStateException("the ID-JAG policy granted more than was requested");
        }
        if (request.authorizationDetails().isPresent() && granted.authorizationDetails().isEmpty()) {
            // RFC 9396 §5: nothing of what was asked can be granted
            throw OAuthException.of(OAuthError.INVALID_AUTHORIZATION_DETAILS,
                    "None of the requested authorization details is granted", IdJagRules.DETAILS_ERRORS);
        }
        return granted;
    }
}
