package dev.lanyard.grants.testing;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.auth.AuthenticationThrottle;
import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.auth.ClientAuthenticator;
import dev.lanyard.grants.auth.JwksFetcher;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.InMemoryClientRegistry;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.grant.AuthorizationCodeGrantHandler;
import dev.lanyard.grants.grant.AuthorizationCodeService;
import dev.lanyard.grants.grant.GrantRegistry;
import dev.lanyard.grants.grant.JwtBearerGrantHandler;
import dev.lanyard.grants.grant.RefreshTokenGrantHandler;
import dev.lanyard.grants.grant.TokenEndpointService;
import dev.lanyard.grants.grant.TokenExchangeGrantHandler;
import dev.lanyard.grants.grant.TokenRequestContext;
import dev.lanyard.grants.dpop.DpopKey;
import dev.lanyard.grants.dpop.DpopProofVerifier;
import dev.lanyard.grants.idjag.IdJagClient;
import dev.lanyard.grants.idjag.IdJagPolicy;
import dev.lanyard.grants.idjag.IdJagRule;
import dev.lanyard.grants.idjag.IdJagSettings;
import dev.lanyard.grants.idjag.RuleListIdJagPolicy;
import dev.lanyard.grants.idjag.SubjectMapper;
import dev.lanyard.grants.idjag.TrustedIdentityProviders;
import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.AuthorizationCodeBinding;
import dev.lanyard.grants.store.Consent;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.store.memory.InMemoryAuthorizationCodeStore;
import dev.lanyard.grants.store.memory.InMemoryConsentStore;
import dev.lanyard.grants.store.memory.InMemoryRefreshTokenStore;
import dev.lanyard.grants.store.memory.InMemoryReplayGuard;
import dev.lanyard.grants.store.memory.InMemoryRevokedAccessTokens;
import dev.lanyard.grants.store.memory.InMemorySigningKeyStore;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.grants.token.IdTokenIssuer;
import dev.lanyard.spec.authz.CodeChallengeMethod;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.TokenErrorResponse;
import dev.lanyard.spec.token.TokenResponse;

/**
 * Two servers of Cross App Access without HTTP, on one clock the test moves: the enterprise IdP
 * {@code https://idp.example.test} (OpenID Provider and ID-JAG issuer) and the MCP server's authorization server
 * {@code https://as.example.test}, which trusts the IdP and serves {@code https://rs.example.test/api}.
 *
 * <p>Clients: at the IdP, {@code agent} (confidential, may exchange), {@code other} (confidential, no policy rule),
 * {@code agent-public} (public); at the resource authorization server, {@code agent-at-as} (the agent there),
 * {@code other-at-as}, {@code public-at-as}. Policy: {@code agent} may reach the server as {@code agent-at-as}, for
 * the resource, with {@code items:read items:write}. User {@code u-alice} is {@code alice@example.test}.
 */
public final class CrossAppAccess {

    public static final String IDP = "https://idp.example.test";
    public static final String AS = TestClients.ISS;
    public static final URI IDP_JWKS = URI.create(IDP + "/jwks");
    /** The IdP's token endpoint (the {@code htu} of DPoP proofs sent to it). */
    public static final URI IDP_TOKEN = URI.create(IDP + "/token");
    /** The resource authorization server's token endpoint. */
    public static final URI AS_TOKEN = URI.create(AS + "/token");
    public static final ResourceIndicator RS = TestServer.RS;
    public static final Scope ITEMS = Scope.of("items:read", "items:write");
    public static final String AGENT_SECRET = "agent-secret-0123456789abcdefghijklmnopqrstu";
    public static final String AGENT_AT_AS_SECRET = "agent-at-as-secret-0123456789abcdefghijklmn";
    public static final String OTHER_SECRET = "other-secret-0123456789abcdefghijklmnopqrstu";
    public static final String CB = "https://agent.example.test/cb";
    /** The IdP's signing key (kid {@code idp-1}), so that tests can sign ID-JAGs with any header. */
    public static final ECKey IDP_KEY = ecKey("idp-1");

    public final MutableClock clock = new MutableClock(TestServer.T0);
    public final Idp idp = new Idp();
    public final Ras ras;

    /** The IdP. */
    public final class Idp {
        public final GrantSettings settings = GrantSettings.defaults(IDP);
        public final InMemoryClientRegistry clients = new InMemoryClientRegistry(List.of(
                confidential("agent", AGENT_SECRET, Scope.of("openid"), GrantType.AUTHORIZATION_CODE,
                        GrantType.REFRESH_TOKEN, GrantType.TOKEN_EXCHANGE),
                confidential("other", OTHER_SECRET, Scope.of("openid"), GrantType.AUTHORIZATION_CODE,
                        GrantType.REFRESH_TOKEN, GrantType.TOKEN_EXCHANGE),
                RegisteredClient.builder("agent-public").publicClient().redirectUris(CB).scope(Scope.of("openid"))
                        .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.TOKEN_EXCHANGE).build()));
        public final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore(1000, clock);
        public final InMemoryConsentStore consents = new InMemoryConsentStore();
        public final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore(1000, clock);
        public final SigningKeys keys = SigningKeys.fixed(new JWKSet(IDP_KEY).toString(false));
        public final AccessTokenIssuer accessTokens = new AccessTokenIssuer(settings.withResources(List.of(),
                Optional.of(new ResourceIndicator(IDP + "/userinfo"))), keys, List.of(), clock);
        public final IdTokenIssuer idTokens = new IdTokenIssuer(settings, keys, IdTokenIssuer.DEFAULT_LIFETIME, clock);
        public final AuthorizationCodeService codeService = new AuthorizationCodeService(codes, settings, clock);
        public IdJagPolicy policy = new RuleListIdJagPolicy(List.of(new IdJagRule("agent", AS, "agent-at-as",
                List.of(RS), ITEMS)));
        public IdJagSettings idJag = IdJagSettings.defaults();
        /** The replay guard of DPoP proofs' {@code jti}. */
        public final InMemoryReplayGuard dpopReplay = new InMemoryReplayGuard(1000, clock);
        private final InMemoryRevokedAccessTokens revoked = new InMemoryRevokedAccessTokens(1000, clock);

        /** The token endpoint, wired with the current {@link #policy} and {@link #idJag}. */
        public TokenEndpointService tokenEndpoint() {
            GrantSettings withUserinfo = settings.withResources(List.of(), Optional.of(
                    new ResourceIndicator(IDP + "/userinfo")));
            return new TokenEndpointService(authenticator(settings, clients, new InMemoryReplayGuard(1000, clock)),
                    new GrantRegistry(List.of(
                            new AuthorizationCodeGrantHandler(codes, refreshTokens, revoked, accessTokens,
                                    withUserinfo, clock, idTokens),
                            new RefreshTokenGrantHandler(refreshTokens, consents, revoked, accessTokens,
                                    withUserinfo, clock),
                            new TokenExchangeGrantHandler(refreshTokens, consents, keys, policy,
                                    s -> s.equals("u-alice") ? Optional.of("alice@example.test") : Optional.empty(),
                                    settings, idJag, clock).withDpop(new DpopProofVerifier(IDP_TOKEN,
                                            dpopReplay, DpopProofVerifier.DEFAULT_WINDOW, clock)))));
        }

        /** The user signs in for {@code clientId} (scope {@code openid}, a nonce): the code. */
        public String authorize(String clientId, CodeVerifier verifier) {
            consents.save(new Consent("u-alice", clientId, Scope.of("openid"), List.of(), clock.instant()));
            return codeService.issue(clients.find(clientId).orElseThrow(), new AuthorizationCodeBinding(clientId,
                    CB, Optional.of(verifier.challenge()), Optional.of(CodeChallengeMethod.S256), List.of(),
                    Scope.of("openid"), "u-alice", Optional.of(clock.instant().minusSeconds(10)),
                    Optional.of("nonce-1")));
        }

        /** The code grant of {@code clientId}: its tokens, with an ID token. */
        public AccessTokenResponse signIn(String clientId, String secret) {
            CodeVerifier v = CodeVerifier.random();
            String code = authorize(clientId, v);
            return tokenEndpoint().token(basic(clientId, secret, Forms.form("grant_type", "authorization_code",
                    "code", code, "redirect_uri", CB, "code_verifier", v.value())));
        }

        /** A token request of {@code clientId} authenticated with Basic. */
        public AccessTokenResponse token(String clientId, String secret, String... form) {
            return token(clientId, secret, Forms.form(form));
        }

        /** A token request of {@code clientId} authenticated with Basic. */
        public AccessTokenResponse token(String clientId, String secret, FormParameters form) {
            return tokenEndpoint().token(basic(clientId, secret, form));
        }

        /** A token request of {@code clientId} authenticated with Basic, with {@code DPoP} headers. */
        public AccessTokenResponse token(String clientId, String secret, FormParameters form,
                List<String> dpopProofs) {
            return tokenEndpoint().token(basic(clientId, secret, form), new TokenRequestContext(dpopProofs));
        }
    }

    /** The resource authorization server. */
    public final class Ras {
        public final GrantSettings settings = GrantSettings.defaults(AS).withResources(List.of(RS), Optional.empty());
        public final InMemoryClientRegistry clients = new InMemoryClientRegistry(List.of(
                confidential("agent-at-as", AGENT_AT_AS_SECRET, ITEMS, GrantType.JWT_BEARER),
                confidential("other-at-as", OTHER_SECRET, ITEMS, GrantType.JWT_BEARER),
                RegisteredClient.builder("public-at-as").publicClient().scope(ITEMS)
                        .grantTypes(GrantType.JWT_BEARER).build()));
        public final SigningKeys keys = SigningKeys.stored(new InMemorySigningKeyStore(), SigningKeyPolicy.defaults(),
                clock);
        public final AccessTokenIssuer accessTokens = new AccessTokenIssuer(settings, keys, List.of(), clock);
        public final AtomicInteger jwksFetches = new AtomicInteger();
        public final ReplayGuard replay;
        public TrustedIdentityProviders trusted = TrustedIdentityProviders.of(Map.of(IDP, IDP_JWKS));
        public SubjectMapper subjects = SubjectMapper.IDENTITY;
        public IdJagSettings idJag = IdJagSettings.defaults();
        /** The replay guard of DPoP proofs' {@code jti}. */
        public final InMemoryReplayGuard dpopReplay = new InMemoryReplayGuard(1000, clock);
        /** Serves the IdP's JWK set at {@link #IDP_JWKS}, counting fetches; replaceable before {@link #handler()}. */
        public JwksFetcher fetcher = uri -> {
            jwksFetches.incrementAndGet();
            if (!uri.equals(IDP_JWKS)) {
                throw new IOException("no such JWK set: " + uri);
            }
            return idp.keys.publicJwksJson();
        };
        private JwtBearerGrantHandler handler;

        Ras(ReplayGuard replay) {
            this.replay = replay;
        }

        /** The JWT bearer handler, built on first use with the current settings, then kept (its JWKS cache too). */
        public JwtBearerGrantHandler handler() {
            if (handler == null) {
                handler = new JwtBearerGrantHandler(trusted, fetcher, replay, subjects, accessTokens, settings, idJag,
                        clock).withDpop(new DpopProofVerifier(AS_TOKEN, dpopReplay, DpopProofVerifier.DEFAULT_WINDOW,
                                clock));
            }
            return handler;
        }

        /** The token endpoint. */
        public TokenEndpointService tokenEndpoint() {
            return new TokenEndpointService(authenticator(settings, clients, new InMemoryReplayGuard(1000, clock)),
                    new GrantRegistry(List.of(handler())));
        }

        /** The client {@code clientId}, as if authenticated with its registered method. */
        public AuthenticatedClient client(String clientId) {
            RegisteredClient c = clients.find(clientId).orElseThrow();
            return new AuthenticatedClient(c, c.authMethod());
        }
    }

    /** Both servers, the resource authorization server's replay guard in memory. */
    public CrossAppAccess() {
        this.ras = new Ras(new InMemoryReplayGuard(1000, clock));
    }

    /** Both servers, with {@code replay} as the resource authorization server's replay guard. */
    public CrossAppAccess(ReplayGuard replay) {
        this.ras = new Ras(replay);
    }

    /** The agent's client helper, authenticated at each server with Basic. */
    public IdJagClient client() {
        return new IdJagClient(endpoint(idp.tokenEndpoint(), IDP_TOKEN, "agent", AGENT_SECRET),
                endpoint(ras.tokenEndpoint(), AS_TOKEN, "agent-at-as", AGENT_AT_AS_SECRET));
    }

    /** A token endpoint at {@code uri} without HTTP: errors become error responses, as on the wire. */
    public static IdJagClient.TokenEndpoint endpoint(TokenEndpointService service, URI uri, String clientId,
            String secret) {
        return new IdJagClient.TokenEndpoint() {
            @Override
            public TokenResponse post(FormParameters form) {
                return send(form, TokenRequestContext.NONE);
            }

            @Override
            public TokenResponse post(FormParameters form, DpopKey key) {
                return send(form, new TokenRequestContext(List.of(key.proof("POST", uri))));
            }

            private TokenResponse send(FormParameters form, TokenRequestContext context) {
                try {
                    return service.token(basic(clientId, secret, form), context);
                } catch (OAuthException e) {
                    return new TokenErrorResponse(e.error());
                }
            }
        };
    }

    /** The current instant. */
    public Instant now() {
        return clock.instant();
    }

    private static ClientAuthenticationInput basic(String clientId, String secret, FormParameters form) {
        return new ClientAuthenticationInput(Optional.of(Forms.basic(clientId, secret)), form, false, "192.0.2.1");
    }

    private ClientAuthenticator authenticator(GrantSettings settings, InMemoryClientRegistry clients,
            ReplayGuard replay) {
        return new ClientAuthenticator(settings, clients, replay, JwksFetcher.NONE,
                AuthenticationThrottle.defaults(clock), clock);
    }

    /** A new P-256 key. */
    public static ECKey ecKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RegisteredClient confidential(String id, String secret, Scope scope, GrantType... grants) {
        return RegisteredClient.builder(id).secret(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientSecrets.hash(secret))
                .redirectUris(CB).grantTypes(grants).scope(scope).build();
    }
}
