package dev.lanyard.spec.token;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * A token exchange request (RFC 8693 §2.1), including its ID-JAG profile ({@value Specs#ID_JAG} §4.3:
 * {@code requested_token_type} {@link TokenTypeUri#ID_JAG}, which makes {@code audience} REQUIRED).
 *
 * <p>Only the shape is read here: whether the subject and actor tokens are valid for their declared types is the
 * grant handler's decision ({@code invalid_request}, RFC 8693 §2.2.2). The ID-JAG profile's
 * {@code authorization_details} (§4.3, RFC 9396 §2) is read strictly ({@link AuthorizationDetails#parse(String)}).
 *
 * @param resources          {@code resource} values, OPTIONAL, repeatable (RFC 8707 §2)
 * @param audiences          {@code audience} values, OPTIONAL, repeatable: logical names of the target service
 * @param scope              {@code scope}, OPTIONAL
 * @param requestedTokenType {@code requested_token_type}, OPTIONAL
 * @param subjectToken       {@code subject_token}, REQUIRED; at most {@link TokenRequest#MAX_ASSERTION_LENGTH}
 *                           characters
 * @param subjectTokenType   {@code subject_token_type}, REQUIRED
 * @param actorToken         {@code actor_token}, OPTIONAL; same cap as the subject token
 * @param actorTokenType     {@code actor_token_type}: REQUIRED when {@code actor_token} is present, and MUST NOT be
 *                           included otherwise
 * @param authorizationDetails {@code authorization_details} (RFC 9396 §2), OPTIONAL; never empty when present
 */
public record TokenExchangeGrant(List<ResourceIndicator> resources, List<String> audiences, Optional<Scope> scope,
        Optional<TokenTypeUri> requestedTokenType, String subjectToken, TokenTypeUri subjectTokenType,
        Optional<String> actorToken, Optional<TokenTypeUri> actorTokenType,
        Optional<AuthorizationDetails> authorizationDetails) implements TokenRequest {

    /** A token exchange without {@code authorization_details}. */
    public TokenExchangeGrant(List<ResourceIndicator> resources, List<String> audiences, Optional<Scope> scope,
            Optional<TokenTypeUri> requestedTokenType, String subjectToken, TokenTypeUri subjectTokenType,
            Optional<String> actorToken, Optional<TokenTypeUri> actorTokenType) {
        this(resources, audiences, scope, requestedTokenType, subjectToken, subjectTokenType, actorToken,
                actorTokenType, Optional.empty());
    }

    public TokenExchangeGrant {
        resources = List.copyOf(resources);
        audiences = List.copyOf(audiences);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(requestedTokenType, "requestedTokenType");
        Objects.requireNonNull(subjectToken, "subjectToken");
        Objects.requireNonNull(subjectTokenType, "subjectTokenType");
        Objects.requireNonNull(actorToken, "actorToken");
        Objects.requireNonNull(actorTokenType, "actorTokenType");
        Objects.requireNonNull(authorizationDetails, "authorizationDetails");
        GrantParameters.checkScope(scope);
        GrantParameters.checkDetails(authorizationDetails);
        audiences.forEach(a -> GrantParameters.checkToken("audience", a, GrantParameters.MAX_URI_LENGTH));
        GrantParameters.checkToken("subjectToken", subjectToken, MAX_ASSERTION_LENGTH);
        actorToken.ifPresent(t -> GrantParameters.checkToken("actorToken", t, MAX_ASSERTION_LENGTH));
        if (actorToken.isPresent() != actorTokenType.isPresent()) {
            throw new IllegalArgumentException("actorTokenType is present exactly when actorToken is (RFC 8693 §2.1)");
        }
        requestedTokenType.ifPresent(TokenExchangeGrant::checkTypeUri);
        checkTypeUri(subjectTokenType);
        actorTokenType.ifPresent(TokenExchangeGrant::checkTypeUri);
        if (requestedTokenType.equals(Optional.of(TokenTypeUri.ID_JAG)) && audiences.isEmpty()) {
            throw new IllegalArgumentException("an ID-JAG request names its audience (ID-JAG §4.3)");
        }
    }

    /**
     * The token exchange a client sends to its IdP for an ID-JAG ({@value Specs#ID_JAG} §4.3).
     *
     * @param audience         the resource authorization server's issuer identifier
     * @param resources        the protected resources (the MCP profile requires one)
     * @param scope            the scope wanted at the resource, if any
     * @param subjectToken     the identity assertion (ID token, SAML assertion) or an IdP refresh token
     * @param subjectTokenType its type
     */
    public static TokenExchangeGrant forIdJag(String audience, List<ResourceIndicator> resources,
            Optional<Scope> scope, String subjectToken, TokenTypeUri subjectTokenType) {
        return forIdJag(audience, resources, scope, Optional.empty(), subjectToken, subjectTokenType);
    }

    /**
     * The token exchange a client sends to its IdP for an ID-JAG ({@value Specs#ID_JAG} §4.3), with
     * {@code authorization_details} (RFC 9396).
     *
     * @param audience             the resource authorization server's issuer identifier
     * @param resources            the protected resources (the MCP profile requires one)
     * @param scope                the scope wanted at the resource, if any
     * @param authorizationDetails the authorization details wanted there, if any
     * @param subjectToken         the identity assertion (ID token, SAML assertion) or an IdP refresh token
     * @param subjectTokenType     its type
     */
    public static TokenExchangeGrant forIdJag(String audience, List<ResourceIndicator> resources,
            Optional<Scope> scope, Optional<AuthorizationDetails> authorizationDetails, String subjectToken,
            TokenTypeUri subjectTokenType) {
        return new TokenExchangeGrant(resources, List.of(audience), scope, Optional.of(TokenTypeUri.ID_JAG),
                subjectToken, subjectTokenType, Optional.empty(), Optional.empty(), authorizationDetails);
    }

    private static void checkTypeUri(TokenTypeUri type) {
        if (type.value().length() > GrantParameters.MAX_URI_LENGTH || !GrantParameters.isAbsoluteUri(type.value())) {
            throw new IllegalArgumentException("token type identifiers are absolute URIs (RFC 8693 §3)");
        }
    }

    static TokenExchangeGrant parse(FormParameters p) {
        List<ResourceIndicator> resources = GrantParameters.resources(p);
        List<String> audiences = p.getAll("audience");
        for (String a : audiences) {
            if (a.length() > GrantParameters.MAX_URI_LENGTH) {
                throw OAuthException.invalidRequest("Parameter audience is too long", Specs.RFC8693_REQUEST);
            }
        }
        Optional<Scope> scope = Scope.parseOptional(p.get("scope"));
        Optional<TokenTypeUri> requestedTokenType = GrantParameters.tokenType(p, "requested_token_type");
        // RFC 8693 §2.1: subject_token and subject_token_type are REQUIRED
        String subjectToken = GrantParameters.require(p, "subject_token", MAX_ASSERTION_LENGTH,
                Specs.RFC8693_REQUEST);
        TokenTypeUri subjectTokenType = GrantParameters.tokenType(p, "subject_token_type").orElseThrow(
                () -> OAuthException.invalidRequest("Missing parameter subject_token_type", Specs.RFC8693_REQUEST));
        Optional<String> actorToken = p.get("actor_token", MAX_ASSERTION_LENGTH);
        Optional<TokenTypeUri> actorTokenType = GrantParameters.tokenType(p, "actor_token_type");
        // RFC 8693 §2.1: actor_token_type is REQUIRED when actor_token is present, MUST NOT be included otherwise
        if (actorToken.isPresent() && actorTokenType.isEmpty()) {
            throw OAuthException.invalidRequest("Missing parameter actor_token_type", Specs.RFC8693_REQUEST);
        }
        if (actorToken.isEmpty() && actorTokenType.isPresent()) {
            throw OAuthException.invalidRequest("Parameter actor_token_type without actor_token",
                    Specs.RFC8693_REQUEST);
        }
        // ID-JAG §4.3: audience is REQUIRED when an ID-JAG is requested
        if (requestedTokenType.equals(Optional.of(TokenTypeUri.ID_JAG)) && audiences.isEmpty()) {
            throw OAuthException.invalidRequest("Missing parameter audience", Specs.ID_JAG_TOKEN_EXCHANGE);
        }
        // ID-JAG §4.3, RFC 9396 §2: authorization_details, a JSON string holding an array
        Optional<AuthorizationDetails> details = AuthorizationDetails.parseOptional(p.get("authorization_details"));
        return new TokenExchangeGrant(resources, audiences, scope, requestedTokenType, subjectToken, subjectTokenType,
                actorToken, actorTokenType, details);
    }

    @Override
    public GrantType grantType() {
        return GrantType.TOKEN_EXCHANGE;
    }

    @Override
    public FormParameters toForm() {
        return FormParameters.builder()
                .add("grant_type", grantType().value())
                .addAll("resource", resources)
                .addAll("audience", audiences)
                .add("scope", scope)
                .add("requested_token_type", requestedTokenType)
                .add("subject_token", subjectToken)
                .add("subject_token_type", subjectTokenType.value())
                .add("actor_token", actorToken)
                .add("actor_token_type", actorTokenType)
                .add("authorization_details", authorizationDetails)
                .build();
    }

    /** The subject and actor tokens are not shown. */
    @Override
    public String toString() {
        return "TokenExchangeGrant[resources=" + resources + ", audiences=" + audiences + ", scope=" + scope
                + ", requestedTokenType=" + requestedTokenType + ", subjectTokenType=" + subjectTokenType
                + ", actorTokenType=" + actorTokenType + ", authorizationDetails=" + authorizationDetails + "]";
    }
}
