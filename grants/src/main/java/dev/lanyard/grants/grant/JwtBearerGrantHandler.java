package dev.lanyard.grants.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.auth.JwksFetcher;
import dev.lanyard.grants.dpop.DpopProofVerifier;
import dev.lanyard.grants.idjag.IdJagSettings;
import dev.lanyard.grants.idjag.SubjectMapper;
import dev.lanyard.grants.idjag.TrustedIdentityProviders;
import dev.lanyard.grants.internal.auth.RemoteJwks;
import dev.lanyard.grants.internal.grant.GrantErrors;
import dev.lanyard.grants.internal.idjag.IdJagRules;
import dev.lanyard.grants.internal.idjag.IdJagVerifier;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.token.AccessTokenContent;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.grants.token.IssuedAccessToken;
import dev.lanyard.spec.claims.IdJagClaims;
import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.JwtBearerGrant;

/**
 * The resource authorization server role of Cross App Access: the JWT bearer grant (RFC 7523 §2.1) with an ID-JAG
 * as assertion ({@value dev.lanyard.spec.ref.Specs#ID_JAG} §4.4). No consent page: the enterprise's IdP decided.
 *
 * <ol>
 *   <li>a confidential client (§8.1; {@code unauthorized_client} otherwise);</li>
 *   <li>with {@link #withDpop}, a {@code DPoP} proof, when sent, is valid ({@code invalid_dpop_proof}, RFC 9449
 *       §5);</li>
 *   <li>the ID-JAG is valid for this server and this client (signature by a trusted IdP, {@code typ},
 *       {@code aud}, {@code client_id}, times; see {@code IdJagVerifier}), or {@code invalid_grant} naming the
 *       rule;</li>
 *   <li>an ID-JAG with {@code cnf} came with a proof whose key thumbprint is exactly {@code cnf.jkt}
 *       ({@code invalid_grant}; §8.6);</li>
 *   <li>its user has a local account ({@link SubjectMapper}; {@code invalid_grant});</li>
 *   <li>resources: the ID-JAG names at least one (MCP profile; {@code invalid_grant}); requested ones must be among
 *       them, and served here ({@code invalid_target}, RFC 8707 §2); without a request, all of them;</li>
 *   <li>scope: the requested scope narrowed to the ID-JAG's ({@code invalid_scope} when nothing is left, RFC 6749
 *       §3.3); without a request, the ID-JAG's scope; either way narrowed to the client's registered scope here
 *       (§4.4.1: the server MAY grant a subset; the response's {@code scope} says what was granted);</li>
 *   <li>authorization details (RFC 9396): the ID-JAG's {@code authorization_details} must be well-formed
 *       ({@code invalid_grant}); requested ones ({@code authorization_details}, RFC 9396 §6) must be of a type this
 *       server knows ({@link IdJagSettings#authorizationDetailTypes()}) and among the ID-JAG's, member for member
 *       ({@code invalid_authorization_details}, RFC 9396 §5); without a request, the ID-JAG's entries of a known
 *       type, the others dropped (§4.4.1: a subset). Resource, scope and authorization details are decided each on
 *       its own, so any combination of them works;</li>
 *   <li>the {@code jti} is recorded in the shared replay guard: a second use is {@code invalid_grant}
 *       ({@link IdJagSettings#oneTimeUse()}). Done last, so that a refused request does not burn the ID-JAG.</li>
 * </ol>
 * The access token's audience is the granted resources; its {@code sub} the local subject. The response carries the
 * granted {@code scope}, {@code resource} and {@code authorization_details} (§4.4.1: MUST include them; RFC 9396 §7),
 * the token the same {@code authorization_details} claim (RFC 9396 §9.1), and no refresh token (§4.4.3: SHOULD NOT; the
 * client obtains a new ID-JAG instead).
 */
public final class JwtBearerGrantHandler implements GrantHandler<JwtBearerGrant> {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final IdJagVerifier verifier;
    private final SubjectMapper subjects;
    private final AccessTokenIssuer issuer;
    private final GrantSettings settings;
    private final Optional<DpopProofVerifier> dpop;
    private final Set<String> detailTypes;

    /**
     * @param trusted  the trusted IdPs and where their keys are
     * @param jwks     fetches the IdPs' JWK sets (SSRF-safe); refetched at most once per cooldown for an unknown
     *                 {@code kid}
     * @param replay   the replay guard for ID-JAG {@code jti}s (the JPA one holds across nodes)
     * @param subjects maps IdP users to local accounts
     * @param issuer   the access token issuer
     * @param settings this issuer, clock skew and the resources served
     * @param idJag    the longest accepted ID-JAG lifetime, one-time use, the authorization detail types known
     * @param clock    the time source
     */
    public JwtBearerGrantHandler(TrustedIdentityProviders trusted, JwksFetcher jwks, ReplayGuard replay,
            SubjectMapper subjects, AccessTokenIssuer issuer, GrantSettings settings, IdJagSettings idJag,
            Clock clock) {
        this(new IdJagVerifier(trusted, new RemoteJwks(jwks, clock), replay, settings, idJag, clock), subjects,
                issuer, settings, Optional.empty(), idJag.authorizationDetailTypes());
    }

    private JwtBearerGrantHandler(IdJagVerifier verifier, SubjectMapper subjects, AccessTokenIssuer issuer,
            GrantSettings settings, Optional<DpopProofVerifier> dpop, Set<String> detailTypes) {
        this.verifier = verifier;
        this.subjects = subjects;
        this.issuer = issuer;
        this.settings = settings;
        this.dpop = dpop;
        this.detailTypes = detailTypes;
    }

    /**
     * A copy that reads DPoP proofs (ID-JAG §8.6): a proof sent is checked ({@code invalid_dpop_proof}, RFC 9449 §5);
     * an ID-JAG with {@code cnf.jkt} needs a proof by that very key ({@code invalid_grant} otherwise). Without it, a
     * proof is ignored and an ID-JAG with {@code cnf} always refused. Access tokens stay Bearer tokens either way.
     */
    public JwtBearerGrantHandler withDpop(DpopProofVerifier proofs) {
        return new JwtBearerGrantHandler(verifier, subjects, issuer, settings,
                Optional.of(Objects.requireNonNull(proofs, "proofs")), detailTypes);
    }

    @Override
    public GrantType grantType() {
        return GrantType.JWT_BEARER;
    }

    @Override
    public Class<JwtBearerGrant> requestType() {
        return JwtBearerGrant.class;
    }

    @Override
    public AccessTokenResponse handle(JwtBearerGrant request, AuthenticatedClient client) {
        return handle(request, client, TokenRequestContext.NONE);
    }

    @Override
    public AccessTokenResponse handle(JwtBearerGrant request, AuthenticatedClient client,
            TokenRequestContext context) {
        if (!client.client().isConfidential()) {
            // ID-JAG §8.1: SHOULD only be supported for confidential clients
            throw GrantErrors.unauthorizedClient("Only confidential clients may present an ID-JAG",
                    IdJagRules.CONFIDENTIAL_CLIENTS);
        }
        // ID-JAG §8.6: a proof sent MUST be validated, with or without cnf (RFC 9449 §4.3)
        Optional<String> proofKey = dpop.filter(d -> context.hasDpopProof()).map(d -> d.verify(context.dpopProofs()));
        IdJagClaims claims = verifier.verify(request.assertion(), client.clientId());
        requireConfirmation(claims, proofKey);
        String subject = subjects.localSubject(claims).orElseThrow(() -> GrantErrors.invalidGrant(
                "Invalid ID-JAG: the user has no account here", IdJagRules.GRANT_PROCESSING));
        List<ResourceIndicator> audience = resources(request.resources(), claims.resource());
        Scope scope = scope(request.scope(), claims.scope().orElse(Scope.of()), client.client().scope());
        AuthorizationDetails details = details(request.authorizationDetails(), claims);
        verifier.consume(claims);
        IssuedAccessToken token = issuer.issue(new AccessTokenContent(GrantType.JWT_BEARER, client.clientId(),
                subject, audience, scope.isEmpty() ? Optional.empty() : Optional.of(scope),
                claims.authTime().map(Instant::ofEpochSecond), Optional.empty(), details));
        Map<String, JsonValue> members = resourceMember(audience);
        if (!details.isEmpty()) {
            // ID-JAG §4.4.1, RFC 9396 §7: the granted authorization details in the token response
            members.put("authorization_details", details.toJson());
        }
        return new AccessTokenResponse(token.value(), AccessTokenResponse.BEARER, Optional.of(token.expiresIn()),
                Optional.empty(), token.claims().scope(), Optional.empty(), Optional.empty(), members);
    }

    private AuthorizationDetails details(Optional<AuthorizationDetails> requested, IdJagClaims claims) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        claims.authorizationDetails().forEach(array::add);
        AuthorizationDetails granted = AuthorizationDetails.fromJson(array.build()).toOptional()
                .orElseThrow(() -> GrantErrors.invalidGrant("Invalid ID-JAG: malformed authorization_details",
                        IdJagRules.DETAILS_ERRORS));
        if (requested.isEmpty()) {
            // ID-JAG §4.4.1: the server MAY grant a subset: entries of a type it does not know are dropped
            return granted.ofTypes(detailTypes);
        }
        if (!detailTypes.containsAll(requested.get().types())) {
            // RFC 9396 §5: an unknown authorization details type is refused
            throw OAuthException.of(OAuthError.INVALID_AUTHORIZATION_DETAILS,
                    "An authorization details type is not supported here", IdJagRules.DETAILS_ERRORS);
        }
        if (!granted.containsAll(requested.get())) {
            // ID-JAG §4.4.1: never beyond what the ID-JAG grants
            throw OAuthException.of(OAuthError.INVALID_AUTHORIZATION_DETAILS,
                    "The authorization details are not granted by the ID-JAG", IdJagRules.DETAILS_ERRORS);
        }
        return requested.get();
    }

    // ID-JAG §8.6: cnf.jkt needs a proof by that key, compared exactly; cnf without a proof is invalid_grant
    private static void requireConfirmation(IdJagClaims claims, Optional<String> proofKey) {
        if (claims.cnf().isEmpty()) {
            return;
        }
        if (proofKey.isEmpty()) {
            throw GrantErrors.invalidGrant("Invalid ID-JAG: cnf requires a DPoP proof", IdJagRules.SENDER_CONSTRAINED);
        }
        JsonValue jkt = claims.cnf().get().get("jkt");
        if (!(jkt instanceof JsonString s) || !s.getString().equals(proofKey.get())) {
            throw GrantErrors.invalidGrant("Invalid ID-JAG: the DPoP proof's key is not the one in cnf",
                    IdJagRules.SENDER_CONSTRAINED);
        }
    }

    private List<ResourceIndicator> resources(List<ResourceIndicator> requested, List<ResourceIndicator> granted) {
        if (granted.isEmpty()) {
            // MCP enterprise-managed authorization: resource is REQUIRED in the ID-JAG
            throw GrantErrors.invalidGrant("Invalid ID-JAG: it names no resource", IdJagRules.MCP_PROFILE);
        }
        List<ResourceIndicator> chosen = requested.isEmpty() ? granted : requested;
        if (!granted.containsAll(chosen)) {
            // ID-JAG §4.4.1 / RFC 8707 §2: only resources the ID-JAG grants
            throw GrantErrors.invalidTarget("The resource is not granted by the ID-JAG");
        }
        if (!chosen.stream().allMatch(settings::allowsResource)) {
            throw GrantErrors.invalidTarget("The resource is not served by this authorization server");
        }
        return chosen;
    }

    private static Scope scope(Optional<Scope> requested, Scope granted, Scope clientScope) {
        // ID-JAG §4.4.1 / RFC 6749 §3.3: the server MAY grant part of the request, never beyond the ID-JAG
        Scope wanted = requested.map(r -> r.intersect(granted)).orElse(granted);
        if (requested.isPresent() && wanted.isEmpty()) {
            throw GrantErrors.invalidScope("None of the requested scope is granted by the ID-JAG",
                    IdJagRules.GRANT_PROCESSING);
        }
        return wanted.intersect(clientScope);
    }

    /** {@code resource}: a string for one resource, an array for several (as the ID-JAG claim). */
    private static Map<String, JsonValue> resourceMember(List<ResourceIndicator> resources) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        if (resources.size() == 1) {
            m.put("resource", JSON.createValue(resources.get(0).value()));
        } else {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            resources.forEach(r -> a.add(r.value()));
            m.put("resource", a.build());
        }
        return m;
    }
}
