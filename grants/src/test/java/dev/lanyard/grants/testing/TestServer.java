package dev.lanyard.grants.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.auth.AuthenticationThrottle;
import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.auth.ClientAuthenticator;
import dev.lanyard.grants.auth.JwksFetcher;
import dev.lanyard.grants.client.InMemoryClientRegistry;
import dev.lanyard.grants.grant.AuthorizationCodeGrantHandler;
import dev.lanyard.grants.grant.AuthorizationCodeService;
import dev.lanyard.grants.grant.ClientCredentialsGrantHandler;
import dev.lanyard.grants.grant.GrantRegistry;
import dev.lanyard.grants.grant.RefreshTokenGrantHandler;
import dev.lanyard.grants.grant.TokenEndpointService;
import dev.lanyard.grants.introspection.TokenIntrospectionService;
import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.revocation.TokenRevocationService;
import dev.lanyard.grants.store.AuthorizationCodeBinding;
import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.Consent;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.jpa.JpaAuthorizationCodeStore;
import dev.lanyard.grants.store.jpa.JpaConsentStore;
import dev.lanyard.grants.store.jpa.JpaRefreshTokenStore;
import dev.lanyard.grants.store.jpa.JpaReplayGuard;
import dev.lanyard.grants.store.jpa.JpaRevokedAccessTokens;
import dev.lanyard.grants.store.jpa.JpaTransactions;
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
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.token.AccessTokenResponse;

/**
 * An authorization server without HTTP, wired from the module's services over the attack catalogue's fixtures: the
 * clients of {@link TestClients}, issuer {@code https://as.example.test}, resource {@code https://rs.example.test/api}
 * (also the default audience), user {@code u-alice}, a clock the test moves.
 */
public final class TestServer {

    /** The resource of the fixtures. */
    public static final ResourceIndicator RS = new ResourceIndicator("https://rs.example.test/api");
    /** A second resource the server serves. */
    public static final ResourceIndicator RS2 = new ResourceIndicator("https://rs2.example.test/api");
    /** When the clock starts. */
    public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    public final MutableClock clock = new MutableClock(T0);
    public final GrantSettings settings = GrantSettings.defaults(TestClients.ISS)
            .withResources(List.of(RS, RS2), Optional.of(RS));
    public final InMemoryClientRegistry clients = TestClients.registry();
    public final AuthorizationCodeStore codes;
    public final RefreshTokenStore refreshTokens;
    public final ConsentStore consents;
    public final RevokedAccessTokens revoked;
    public final ReplayGuard replay;
    public final SigningKeys keys;
    public final AccessTokenIssuer issuer;
    public final IdTokenIssuer idTokens;
    public final ClientAuthenticator authenticator;
    public final AuthorizationCodeService codeService;
    public final GrantRegistry grants;
    public final TokenEndpointService tokenEndpoint;
    public final TokenRevocationService revocation;
    public final TokenIntrospectionService introspection;

    private TestServer(AuthorizationCodeStore codes, RefreshTokenStore refreshTokens, ConsentStore consents,
            RevokedAccessTokens revoked, ReplayGuard replay, SigningKeyStore keyStore) {
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.consents = consents;
        this.revoked = revoked;
        this.replay = replay;
        this.keys = SigningKeys.stored(keyStore, SigningKeyPolicy.defaults(), clock);
        this.issuer = new AccessTokenIssuer(settings, keys, List.of(), clock);
        this.idTokens = new IdTokenIssuer(settings, keys, IdTokenIssuer.DEFAULT_LIFETIME, clock);
        this.authenticator = new ClientAuthenticator(settings, clients, replay, JwksFetcher.NONE,
                AuthenticationThrottle.defaults(clock), clock);
        this.codeService = new AuthorizationCodeService(codes, settings, clock);
        this.grants = new GrantRegistry(List.of(
                new AuthorizationCodeGrantHandler(codes, refreshTokens, revoked, issuer, settings, clock, idTokens),
                new RefreshTokenGrantHandler(refreshTokens, consents, revoked, issuer, settings, clock),
                new ClientCredentialsGrantHandler(issuer, settings)));
        this.tokenEndpoint = new TokenEndpointService(authenticator, grants);
        this.revocation = new TokenRevocationService(refreshTokens, revoked, keys, settings, clock);
        this.introspection = new TokenIntrospectionService(refreshTokens, revoked, keys, settings, clock);
    }

    /** A server on in-memory stores. */
    public static TestServer inMemory() {
        MutableClock storeClock = new MutableClock(T0);
        return new TestServer(new InMemoryAuthorizationCodeStore(10_000, storeClock),
                new InMemoryRefreshTokenStore(10_000, storeClock), new InMemoryConsentStore(),
                new InMemoryRevokedAccessTokens(10_000, storeClock), new InMemoryReplayGuard(10_000, storeClock),
                new InMemorySigningKeyStore());
    }

    /** A server on the JPA stores of {@code tx} (signing keys in memory). */
    public static TestServer jpa(JpaTransactions tx) {
        return new TestServer(new JpaAuthorizationCodeStore(tx), new JpaRefreshTokenStore(tx),
                new JpaConsentStore(tx), new JpaRevokedAccessTokens(tx), new JpaReplayGuard(tx),
                new InMemorySigningKeyStore());
    }

    /**
     * What the authorization endpoint does after the user consented: records consent and issues a code bound to
     * {@code clientId}, {@code redirectUri}, the S256 challenge of {@code verifier}, {@code scope} and
     * {@code resources}, for {@code u-alice}.
     */
    public String authorize(String clientId, String redirectUri, Optional<CodeVerifier> verifier, Scope scope,
            List<ResourceIndicator> resources) {
        consents.save(new Consent("u-alice", clientId, scope, resources, clock.instant()));
        return codeService.issue(new AuthorizationCodeBinding(clientId, redirectUri,
                verifier.map(CodeVerifier::challenge), verifier.map(v -> CodeChallengeMethod.S256), resources, scope,
                "u-alice", Optional.of(clock.instant().minusSeconds(5)), Optional.empty()));
    }

    /** A token request with {@code form} and no Authorization header. */
    public AccessTokenResponse token(String... form) {
        return tokenEndpoint.token(ClientAuthenticationInput.ofForm(Forms.form(form)));
    }

    /** A token request authenticated with Basic. */
    public AccessTokenResponse tokenBasic(String clientId, String secret, String... form) {
        return tokenEndpoint.token(new ClientAuthenticationInput(Optional.of(Forms.basic(clientId, secret)),
                Forms.form(form), false, "192.0.2.1"));
    }

    /** The client {@code clientId}, as if authenticated with its registered method. */
    public AuthenticatedClient client(String clientId) {
        var c = clients.find(clientId).orElseThrow();
        return new AuthenticatedClient(c, c.authMethod());
    }
}
