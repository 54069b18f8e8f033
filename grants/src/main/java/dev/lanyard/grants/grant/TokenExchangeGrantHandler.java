package dev.lanyard.grants.grant;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.dpop.DpopProofVerifier;
import dev.lanyard.grants.idjag.IdJagPolicy;
import dev.lanyard.grants.idjag.IdJagSettings;
import dev.lanyard.grants.idjag.SubjectAttributes;
import dev.lanyard.grants.internal.grant.GrantErrors;
import dev.lanyard.grants.internal.idjag.IdJagIssuance;
import dev.lanyard.grants.internal.idjag.IdJagRules;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.TokenExchangeGrant;

/**
 * Token exchange (RFC 8693) at this server, in two kinds chosen by {@code requested_token_type}, each present only
 * when configured: an Identity Assertion JWT Authorization Grant, the IdP role of Cross App Access
 * ({@value dev.lanyard.spec.ref.Specs#ID_JAG} §4.3, with the MCP enterprise-managed authorization profile); and an
 * access token, the delegation exchange of {@link DelegationTokenExchange} ({@code requested_token_type} access_token
 * or absent). Any other requested type, or a kind not configured, is {@code invalid_request}. Only confidential
 * clients exchange ({@code unauthorized_client}; ID-JAG §8.1, and a delegation needs an authenticated actor); the
 * {@link GrantRegistry} already refused clients not registered for the grant type.
 *
 * <p>For an ID-JAG, in order:
 * <ol>
 *   <li>no {@code actor_token}: its processing is undefined by the draft and unused by the MCP profile
 *       ({@code invalid_request});</li>
 *   <li>one {@code audience}, another server than this one ({@code invalid_target}); at least one {@code resource}
 *       (MCP profile: REQUIRED; {@code invalid_request}); a malformed resource was already {@code invalid_target}
 *       (RFC 8707 §2; A-088);</li>
 *   <li>the subject token at most {@link IdJagSettings#maxSubjectTokenLength()} characters ;</li>
 *   <li>with {@link #withDpop}, a {@code DPoP} proof, when sent, is valid ({@code invalid_dpop_proof}, RFC 9449 §5)
 *       and the ID-JAG carries {@code cnf.jkt}, its key's thumbprint (§8.6); a request without a proof gets no
 *       {@code cnf};</li>
 *   <li>the subject token is valid for its declared type: an ID token of this server for this client, or one of its
 *       active refresh tokens bound to this client. Any failure is {@code invalid_request}, as RFC 8693 §2.2.2
 *       requires ;</li>
 *   <li>the {@link IdJagPolicy} grants all or part of the request: a refused audience or resource is
 *       {@code invalid_target} (RFC 8693 §2.2.2; A-088), no allowed scope is {@code invalid_scope}, an
 *       {@code authorization_details} type it does not allow (or none granted) is
 *       {@code invalid_authorization_details} (RFC 9396 §5); a malformed {@code authorization_details} already was.
 *       Resource, scope and authorization details are decided together (§4.3.3).</li>
 * </ol>
 *
 * <p>The ID-JAG (§3.1): header {@code typ: oauth-id-jag+jwt}; {@code iss} this issuer, {@code sub}, {@code aud} the
 * audience, {@code client_id} the client's id there (from the policy), {@code jti}, {@code iat}, {@code exp} after
 * {@link IdJagSettings#idJagLifetime()} but never after the subject token's, the granted {@code resource},
 * {@code scope} and {@code authorization_details} (§4.3.3: reductions reflected), {@code auth_time} when known,
 * {@code email} when {@link SubjectAttributes} knows it, and {@code cnf} after a DPoP proof. The response (§4.3.4):
 * {@code issued_token_type} id-jag, {@code token_type N_A}, {@code expires_in}, {@code scope} when it differs from
 * the request, {@code authorization_details} whenever any are granted (§4.3.4, RFC 9396 §7), no refresh token.
 */
public final class TokenExchangeGrantHandler implements GrantHandler<TokenExchangeGrant> {

    private static final SpecRef REQUEST = SpecRef.rfc(8693, "2.2.2");

    private final Optional<IdJagIssuance> idJag;
    private final Optional<DelegationTokenExchange> delegation;
    private final Optional<DpopProofVerifier> dpop;

    private TokenExchangeGrantHandler(Optional<IdJagIssuance> idJag, Optional<DelegationTokenExchange> delegation,
            Optional<DpopProofVerifier> dpop) {
        this.idJag = idJag;
        this.delegation = delegation;
        this.dpop = dpop;
    }

    /**
     * The IdP's exchange for ID-JAGs only, without DPoP.
     *
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
        this(Optional.of(new IdJagIssuance(refreshTokens, consents, keys, policy, attributes, settings, idJag,
                clock)), Optional.empty(), Optional.empty());
    }

    /** The delegation exchange for access tokens only. */
    public static TokenExchangeGrantHandler delegation(DelegationTokenExchange delegation) {
        return new TokenExchangeGrantHandler(Optional.empty(), Optional.of(delegation), Optional.empty());
    }

    /** A copy that also performs the delegation exchange for access tokens. */
    public TokenExchangeGrantHandler withDelegation(DelegationTokenExchange exchange) {
        return new TokenExchangeGrantHandler(idJag, Optional.of(Objects.requireNonNull(exchange, "exchange")), dpop);
    }

    /** A copy that checks DPoP proofs sent for an ID-JAG and binds the ID-JAG to their key (ID-JAG §8.6). */
    public TokenExchangeGrantHandler withDpop(DpopProofVerifier verifier) {
        return new TokenExchangeGrantHandler(idJag, delegation, Optional.of(Objects.requireNonNull(verifier,
                "verifier")));
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
        return handle(request, client, TokenRequestContext.NONE);
    }

    @Override
    public AccessTokenResponse handle(TokenExchangeGrant request, AuthenticatedClient client,
            TokenRequestContext context) {
        if (!client.client().isConfidential()) {
            // ID-JAG §8.1: SHOULD only be supported for confidential clients; TX-07: public clients never exchange
            throw GrantErrors.unauthorizedClient("Only confidential clients may use token exchange",
                    IdJagRules.CONFIDENTIAL_CLIENTS);
        }
        Optional<TokenTypeUri> requested = request.requestedTokenType();
        if (requested.equals(Optional.of(TokenTypeUri.ID_JAG)) && idJag.isPresent()) {
            return idJag.get().issue(request, client, context, dpop);
        }
        boolean accessToken = requested.isEmpty() || requested.equals(Optional.of(TokenTypeUri.ACCESS_TOKEN));
        if (accessToken && delegation.isPresent()) {
            return delegation.get().exchange(request, client);
        }
        // RFC 8693 §2.2.2: a requested_token_type this server does not issue by exchange
        throw OAuthException.invalidRequest("Unsupported requested_token_type", REQUEST);
    }
}
