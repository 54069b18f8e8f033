package dev.lanyard.grants.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.jpa.JpaReplayGuard;
import dev.lanyard.grants.store.jpa.JpaSigningKeyStore;
import dev.lanyard.grants.testing.Concurrently;
import dev.lanyard.grants.testing.CrossAppAccess;
import dev.lanyard.grants.testing.MutableClock;
import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.JwtBearerGrant;

/**
 * Two servers sharing one database behave like one (ARCHITECTURE "State and scale"): one-time use holds across
 * nodes, whatever each node's JPA cache holds; on the H2 file and on PostgreSQL.
 */
class JpaTwoNodesTest {

    abstract static class OnDatabase {

        private final TestDatabase.Kind database;
        private final TestServer node1;
        private final TestServer node2;

        OnDatabase(TestDatabase.Kind database) {
            this.database = database;
            node1 = TestServer.jpa(database.transactions());
            node2 = TestServer.jpa(database.secondNode());
        }

        @Test
        void tokenWhenTwoNodesRedeemOneCodeAtOnceThenExactlyOneSucceeds() throws InterruptedException {
            CodeVerifier v = CodeVerifier.random();
            String code = node1.authorize("pub1", "https://app.example.test/cb", Optional.of(v), Scope.of("items:read"),
                    List.of(TestServer.RS));
            node2.codes.find(dev.lanyard.grants.internal.Digests.sha256Base64Url(code)); // warm node 2's cache
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<Object> results = Concurrently.run(50, () -> (turn.getAndIncrement() % 2 == 0 ? node1 : node2)
                    .token("grant_type", "authorization_code", "code", code, "client_id", "pub1", "code_verifier",
                            v.value()));
            assertThat(results).filteredOn(AccessTokenResponse.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(OAuthException.class::isInstance).hasSize(49);
        }

        @Test
        void tokenWhenRotatedOnOneNodeThenReuseOnTheOtherRevokesFamily() {
            CodeVerifier v = CodeVerifier.random();
            String code = node1.authorize("pub1", "https://app.example.test/cb", Optional.of(v), Scope.of("items:read"),
                    List.of(TestServer.RS));
            String rt = node1.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                    "code_verifier", v.value()).refreshToken().orElseThrow();
            String next = node2.token("grant_type", "refresh_token", "refresh_token", rt, "client_id", "pub1")
                    .refreshToken().orElseThrow();
            dev.lanyard.grants.testing.OAuthAssertions.assertError(() -> node1.token("grant_type", "refresh_token",
                    "refresh_token", rt, "client_id", "pub1"), dev.lanyard.spec.error.OAuthError.INVALID_GRANT);
            dev.lanyard.grants.testing.OAuthAssertions.assertError(() -> node2.token("grant_type", "refresh_token",
                    "refresh_token", next, "client_id", "pub1"), dev.lanyard.spec.error.OAuthError.INVALID_GRANT);
        }

        @Test
        void idJagWhenRedeemedOnTwoNodesAtOnceThenExactlyOneAccessToken() throws InterruptedException {
            // ID-JAG jti replay guard (RFC 7523 §3 item 7) in the shared database: one use across the nodes
            CrossAppAccess ras1 = new CrossAppAccess(new JpaReplayGuard(database.transactions()));
            CrossAppAccess ras2 = new CrossAppAccess(new JpaReplayGuard(database.secondNode()));
            String idToken = ras1.idp.signIn("agent", CrossAppAccess.AGENT_SECRET).idToken().orElseThrow();
            String idJag = ras1.client().requestIdJag(CrossAppAccess.AS, List.of(CrossAppAccess.RS), Optional.empty(),
                    idToken, TokenTypeUri.ID_TOKEN).accessToken();
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<Object> results = Concurrently.run(20, () -> (turn.getAndIncrement() % 2 == 0 ? ras1 : ras2).ras
                    .handler().handle(new JwtBearerGrant(idJag, Optional.empty(), List.of()),
                            ras1.ras.client("agent-at-as")));
            assertThat(results).filteredOn(AccessTokenResponse.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(OAuthException.class::isInstance).hasSize(19)
                    .allSatisfy(e -> assertThat(((OAuthException) e).error().code()).isEqualTo("invalid_grant"));
        }

        @Test
        void signingKeysWhenNodesStartTogetherThenOneFirstKey() throws InterruptedException {
            // the unique key generation makes "add the first key" atomic across the nodes (ARCHITECTURE "State and scale")
            SigningKeyStore store1 = new JpaSigningKeyStore(database.transactions());
            SigningKeyStore store2 = new JpaSigningKeyStore(database.secondNode());
            store1.list().forEach(k -> store1.delete(k.kid()));
            MutableClock clock = new MutableClock(TestServer.T0);
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<Object> kids = Concurrently.run(8, () -> SigningKeys.stored(turn.getAndIncrement() % 2 == 0
                    ? store1 : store2, SigningKeyPolicy.defaults(), clock).activeKeyId());
            assertThat(kids).allSatisfy(k -> assertThat(k).isInstanceOf(String.class));
            assertThat(Set.copyOf(kids)).hasSize(1);
            assertThat(store2.list()).hasSize(1);
        }
    }

    @Nested
    class OnH2 extends OnDatabase {

        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    @OnPostgres
    class OnPostgreSQL extends OnDatabase {

        OnPostgreSQL() {
            super(TestDatabase.Kind.POSTGRESQL);
        }
    }
}
