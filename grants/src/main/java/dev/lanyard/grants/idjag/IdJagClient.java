package dev.lanyard.grants.idjag;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.nimbusds.jwt.JWTParser;

import dev.lanyard.grants.dpop.DpopKey;
import dev.lanyard.grants.idjag.IdJagClientException.Leg;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.JwtBearerGrant;
import dev.lanyard.spec.token.TokenErrorResponse;
import dev.lanyard.spec.token.TokenExchangeGrant;
import dev.lanyard.spec.token.TokenResponse;

/**
 * The client side of Cross App Access ({@value dev.lanyard.spec.ref.Specs#ID_JAG} §4.3, §4.4): exchanges the user's
 * identity assertion (or IdP refresh token) at the IdP for an ID-JAG, then presents it to the resource authorization
 * server as a JWT bearer grant for an access token. No browser, no consent page.
 *
 * <p>Each server is reached through a {@link TokenEndpoint}, which posts a form with the client's credentials at that
 * server (the client has one registration at each, §5); {@link #overHttp} is one over {@code java.net.http} with
 * Basic authentication. Responses are checked: the IdP must answer {@code issued_token_type} id-jag with
 * {@code token_type N_A} (§4.3.4), the resource authorization server a Bearer token. Thread-safe when the endpoints
 * are.
 */
public final class IdJagClient {

    /** A token endpoint of one server, with the client's authentication at that server. */
    @FunctionalInterface
    public interface TokenEndpoint {

        /**
         * Posts {@code form} (the grant's parameters, without client credentials) and reads the response.
         *
         * @throws IOException when the server cannot be reached or answers something that is not a token response
         */
        TokenResponse post(FormParameters form) throws IOException;

        /**
         * Posts {@code form} with a {@code DPoP} header: a new proof signed by {@code key} for this endpoint
         * (RFC 9449 §4). By default an endpoint cannot.
         *
         * @throws IOException as {@link #post(FormParameters)}, or when this endpoint cannot send proofs
         */
        default TokenResponse post(FormParameters form, DpopKey key) throws IOException {
            throw new IOException("this token endpoint cannot send a DPoP proof");
        }
    }

    private final TokenEndpoint idp;
    private final TokenEndpoint resourceAuthorizationServer;
    private final Optional<DpopKey> dpop;

    /**
     * @param idp                         the IdP's token endpoint
     * @param resourceAuthorizationServer the resource authorization server's token endpoint
     */
    public IdJagClient(TokenEndpoint idp, TokenEndpoint resourceAuthorizationServer) {
        this.idp = Objects.requireNonNull(idp, "idp");
        this.resourceAuthorizationServer = Objects.requireNonNull(resourceAuthorizationServer,
                "resourceAuthorizationServer");
        this.dpop = Optional.empty();
    }

    private IdJagClient(TokenEndpoint idp, TokenEndpoint resourceAuthorizationServer, Optional<DpopKey> dpop) {
        this.idp = idp;
        this.resourceAuthorizationServer = resourceAuthorizationServer;
        this.dpop = dpop;
    }

    /**
     * A copy that sends a DPoP proof signed by {@code key} on both legs ({@value dev.lanyard.spec.ref.Specs#ID_JAG}
     * §8.6), so that the IdP binds the ID-JAG to the key ({@code cnf.jkt}); an ID-JAG bound to another key is
     * refused.
     */
    public IdJagClient withDpop(DpopKey key) {
        return new IdJagClient(idp, resourceAuthorizationServer, Optional.of(Objects.requireNonNull(key, "key")));
    }

    /**
     * Both legs: an ID-JAG for {@code audience}, then an access token for {@code resources}.
     *
     * @param audience         the resource authorization server's issuer identifier
     * @param resources        the protected resources (the MCP profile requires one)
     * @param scope            the scope wanted at the resources, if any
     * @param subjectToken     the user's ID token, or an IdP refresh token
     * @param subjectTokenType {@link TokenTypeUri#ID_TOKEN} or {@link TokenTypeUri#REFRESH_TOKEN}
     * @throws IdJagClientException naming the leg that failed and the server's error
     */
    public AccessTokenResponse accessToken(String audience, List<ResourceIndicator> resources, Optional<Scope> scope,
            String subjectToken, TokenTypeUri subjectTokenType) {
        return accessToken(audience, resources, scope, Optional.empty(), subjectToken, subjectTokenType);
    }

    /**
     * Both legs, with {@code authorization_details} (RFC 9396) asked of the IdP; the access token response's
     * {@code authorization_details} says what the resource authorization server granted.
     *
     * @param authorizationDetails the authorization details wanted at the resources, if any
     * @see #accessToken(String, List, Optional, String, TokenTypeUri)
     */
    public AccessTokenResponse accessToken(String audience, List<ResourceIndicator> resources, Optional<Scope> scope,
            Optional<AuthorizationDetails> authorizationDetails, String subjectToken, TokenTypeUri subjectTokenType) {
        AccessTokenResponse idJag = requestIdJag(audience, resources, scope, authorizationDetails, subjectToken,
                subjectTokenType);
        return redeem(idJag.accessToken(), List.of(), Optional.empty());
    }

    /**
     * Leg 1: the token exchange at the IdP. The granted scope is the response's {@code scope} when present, else the
     * one requested.
     *
     * @return the response, whose {@code access_token} is the ID-JAG
     * @throws IdJagClientException on an error or a response that is not an ID-JAG
     */
    public AccessTokenResponse requestIdJag(String audience, List<ResourceIndicator> resources,
            Optional<Scope> scope, String subjectToken, TokenTypeUri subjectTokenType) {
        return requestIdJag(audience, resources, scope, Optional.empty(), subjectToken, subjectTokenType);
    }

    /**
     * Leg 1 with {@code authorization_details} (RFC 9396); the granted ones are the response's
     * {@code authorization_details}.
     *
     * @see #requestIdJag(String, List, Optional, String, TokenTypeUri)
     */
    public AccessTokenResponse requestIdJag(String audience, List<ResourceIndicator> resources,
            Optional<Scope> scope, Optional<AuthorizationDetails> authorizationDetails, String subjectToken,
            TokenTypeUri subjectTokenType) {
        TokenExchangeGrant grant = TokenExchangeGrant.forIdJag(audience, resources, scope, authorizationDetails,
                subjectToken, subjectTokenType);
        AccessTokenResponse r = success(Leg.IDENTITY_PROVIDER, idp, grant.toForm(), dpop);
        // ID-JAG §4.3.4: issued_token_type id-jag and token_type N_A are REQUIRED
        if (!r.issuedTokenType().equals(Optional.of(TokenTypeUri.ID_JAG))
                || !r.isTokenType(AccessTokenResponse.NOT_APPLICABLE)) {
            throw new IdJagClientException(Leg.IDENTITY_PROVIDER, null,
                    "The IdP did not issue an ID-JAG (issued_token_type " + r.issuedTokenType().orElse(null) + ")",
                    null);
        }
        if (dpop.isPresent() && !confirmationMatches(r.accessToken(), dpop.get())) {
            // ID-JAG §8.6: the client SHOULD check that cnf matches its key
            throw new IdJagClientException(Leg.IDENTITY_PROVIDER, null,
                    "The IdP bound the ID-JAG to another key than the client's DPoP key", null);
        }
        return r;
    }

    /**
     * Leg 2: the JWT bearer grant at the resource authorization server.
     *
     * @param idJag     the ID-JAG
     * @param resources the resources to narrow to; empty for all the ID-JAG grants
     * @param scope     the scope to narrow to; empty for all the ID-JAG grants
     * @throws IdJagClientException on an error or a response that is not a Bearer token
     */
    public AccessTokenResponse redeem(String idJag, List<ResourceIndicator> resources, Optional<Scope> scope) {
        AccessTokenResponse r = success(Leg.RESOURCE_AUTHORIZATION_SERVER, resourceAuthorizationServer,
                new JwtBearerGrant(idJag, scope, resources).toForm(), dpop);
        if (!r.isBearer()) {
            throw new IdJagClientException(Leg.RESOURCE_AUTHORIZATION_SERVER, null,
                    "The resource authorization server did not issue a Bearer access token", null);
        }
        return r;
    }

    // an ID-JAG without cnf is unbound (the IdP ignored the proof); one with cnf must name this key
    private static boolean confirmationMatches(String idJag, DpopKey key) {
        try {
            Map<String, Object> cnf = JWTParser.parse(idJag).getJWTClaimsSet().getJSONObjectClaim("cnf");
            return cnf == null || key.thumbprint().equals(cnf.get("jkt"));
        } catch (ParseException e) {
            return false;
        }
    }

    private static AccessTokenResponse success(Leg leg, TokenEndpoint endpoint, FormParameters form,
            Optional<DpopKey> key) {
        TokenResponse response;
        try {
            response = key.isPresent() ? endpoint.post(form, key.get()) : endpoint.post(form);
        } catch (IOException e) {
            throw new IdJagClientException(leg, null, "The token endpoint failed: " + e.getMessage(), e);
        }
        return switch (response) {
            case AccessTokenResponse ok -> ok;
            case TokenErrorResponse error -> throw new IdJagClientException(leg, error.error(),
                    "The token endpoint answered " + error.error().code(), null);
        };
    }

    /**
     * A token endpoint over {@code java.net.http}: a form POST with {@code Authorization: authorization} (for example
     * {@code Basic ...} of the client's id and secret at that server), read with {@link TokenResponse#parse}.
     */
    public static TokenEndpoint overHttp(HttpClient http, URI tokenEndpoint, String authorization) {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(authorization, "authorization");
        return new TokenEndpoint() {
            @Override
            public TokenResponse post(FormParameters form) throws IOException {
                return send(http, base(tokenEndpoint, authorization).POST(body(form)).build());
            }

            @Override
            public TokenResponse post(FormParameters form, DpopKey key) throws IOException {
                return send(http, base(tokenEndpoint, authorization).header("DPoP", key.proof("POST", tokenEndpoint))
                        .POST(body(form)).build());
            }
        };
    }

    private static HttpRequest.Builder base(URI tokenEndpoint, String authorization) {
        return HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", authorization);
    }

    private static HttpRequest.BodyPublisher body(FormParameters form) {
        return HttpRequest.BodyPublishers.ofString(form.toUrlEncoded(), StandardCharsets.UTF_8);
    }

    private static TokenResponse send(HttpClient http, HttpRequest request) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return TokenResponse.parse(response.statusCode(), response.body()).toOptional().orElseThrow(
                () -> new IOException("not a token response (HTTP " + response.statusCode() + ")"));
    }
}
