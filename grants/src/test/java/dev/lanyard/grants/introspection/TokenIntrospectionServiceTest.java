package dev.lanyard.grants.introspection;

import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.grants.token.AccessTokenContent;
import dev.lanyard.spec.core.AuthorizationDetail;
import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.IntrospectionRequest;
import dev.lanyard.spec.token.IntrospectionResponse;
import dev.lanyard.spec.token.RevocationRequest;

class TokenIntrospectionServiceTest {

    private final TestServer as = TestServer.inMemory();

    private AccessTokenResponse conf2Tokens() {
        String code = as.authorize("conf2", "https://conf2.example.test/cb", Optional.empty(),
                Scope.of("items:read"), List.of(TestServer.RS));
        return as.token("grant_type", "authorization_code", "code", code, "client_id", "conf2", "client_secret",
                TestClients.S2);
    }

    private IntrospectionResponse introspect(String token, String caller) {
        return as.introspection.introspect(new IntrospectionRequest(token, Optional.empty()), as.client(caller));
    }

    @Test
    void introspectWhenActiveAccessTokenThenClaims() {
        // RFC 7662 §2.2
        AccessTokenResponse t = conf2Tokens();
        IntrospectionResponse r = introspect(t.accessToken(), "conf1");
        assertThat(r.active()).isTrue();
        assertThat(r.clientId()).contains("conf2");
        assertThat(r.sub()).contains("u-alice");
        assertThat(r.aud()).containsExactly(TestServer.RS.value());
        assertThat(r.iss()).contains(TestClients.ISS);
        assertThat(r.scope()).contains(Scope.of("items:read"));
        assertThat(r.tokenType()).contains("Bearer");
        assertThat(r.exp()).isPresent();
    }

    @Test
    void introspectWhenTokenHasAuthorizationDetailsThenTheyAreReturned() {
        // RFC 9396 §9.2: the token's authorization details in the introspection response
        AuthorizationDetails details = AuthorizationDetails.of(AuthorizationDetail.ofType("chat_read"));
        String token = as.issuer.issue(new AccessTokenContent(GrantType.JWT_BEARER, "conf2", "u-alice",
                List.of(TestServer.RS), Optional.empty(), Optional.empty(), Optional.empty(), details)).value();
        IntrospectionResponse r = introspect(token, "conf1");
        assertThat(r.active()).isTrue();
        assertThat(r.extensions().get("authorization_details")).isEqualTo(details.toJson());
        assertThat(introspect(conf2Tokens().accessToken(), "conf1").extensions())
                .doesNotContainKey("authorization_details");
    }

    @Test
    void introspectWhenExpiredRevokedOrUnknownThenExactlyActiveFalse() {
        // IN-04: RFC 7662 §2.2, {"active":false} and nothing more
        AccessTokenResponse t = conf2Tokens();
        IntrospectionResponse garbage = introspect("garbage", "conf1");
        assertThat(garbage.toJson()).isEqualTo(Json.createObjectBuilder().add("active", false).build());
        assertThat(introspect("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "conf1").active()).isFalse();
        as.revoked.revoke(as.keys.verify(t.accessToken()).map(j -> j.payload()).map(p -> Json.createReader(
                new java.io.StringReader(p)).readObject().getString("jti")).orElseThrow(), TestServer.T0.plusSeconds(300));
        assertThat(introspect(t.accessToken(), "conf1").active()).isFalse();
        AccessTokenResponse t2 = conf2Tokens();
        as.clock.advance(Duration.ofMinutes(5));
        assertThat(introspect(t2.accessToken(), "conf1").toJson())
                .isEqualTo(Json.createObjectBuilder().add("active", false).build());
    }

    @Test
    void introspectWhenRefreshTokenThenActiveForOwnerOnly() {
        AccessTokenResponse t = conf2Tokens();
        String rt = t.refreshToken().orElseThrow();
        IntrospectionResponse own = introspect(rt, "conf2");
        assertThat(own.active()).isTrue();
        assertThat(own.clientId()).contains("conf2");
        assertThat(introspect(rt, "conf1").active()).isFalse();
    }

    @Test
    void introspectWhenRefreshTokenRotatedOrRevokedThenExactlyActiveFalse() {
        // IN-04: a rotated or revoked refresh token is inactive, even for its own client
        AccessTokenResponse t = conf2Tokens();
        String rt = t.refreshToken().orElseThrow();
        String next = as.token("grant_type", "refresh_token", "refresh_token", rt, "client_id", "conf2",
                "client_secret", TestClients.S2).refreshToken().orElseThrow();
        assertThat(introspect(rt, "conf2").toJson()).isEqualTo(Json.createObjectBuilder().add("active", false)
                .build());
        assertThat(introspect(next, "conf2").active()).isTrue();
        as.revocation.revoke(new RevocationRequest(next, Optional.empty()), as.client("conf2"));
        assertThat(introspect(next, "conf2").toJson()).isEqualTo(Json.createObjectBuilder().add("active", false)
                .build());
    }

    @Test
    void introspectWhenCallerNotAuthenticatedThenInvalidClient() {
        // RFC 7662 §2.1, the endpoint requires authorization; no token information disclosed
        AccessTokenResponse t = conf2Tokens();
        assertError(() -> introspect(t.accessToken(), "pub1"), OAuthError.INVALID_CLIENT);
    }

    @Test
    void introspectWhenTokenOfAnotherIssuerThenInactive() {
        // an access token signed by this server's key but for another issuer is not this server's token
        String foreign = as.keys.sign("at+jwt", Json.createObjectBuilder().add("iss", "https://evil.test")
                .add("exp", TestServer.T0.plusSeconds(60).getEpochSecond()).add("aud", "x").add("sub", "s")
                .add("client_id", "c").add("iat", TestServer.T0.getEpochSecond()).add("jti", "j").build().toString());
        assertThat(introspect(foreign, "conf1").active()).isFalse();
        String idToken = as.keys.sign("JWT", Json.createObjectBuilder().add("iss", TestClients.ISS)
                .add("exp", TestServer.T0.plusSeconds(60).getEpochSecond()).add("aud", "x").add("sub", "s")
                .add("client_id", "c").add("iat", TestServer.T0.getEpochSecond()).add("jti", "j").build().toString());
        assertThat(introspect(idToken, "conf1").active()).isFalse();
    }
}
