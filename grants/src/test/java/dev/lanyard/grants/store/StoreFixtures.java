package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.lanyard.grants.internal.Digests;
import dev.lanyard.spec.authz.CodeChallengeMethod;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/** Records for the store tests. */
public final class StoreFixtures {

    /** A fixed instant the tests measure from. */
    public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    /** The resource of the fixtures. */
    public static final ResourceIndicator RS = new ResourceIndicator("https://rs.example.test/api");

    private StoreFixtures() {
    }

    /** A fresh code issued at {@link #T0}, living 60 s, bound to {@code pub1} with a PKCE challenge. */
    public static StoredAuthorizationCode code() {
        AuthorizationCodeBinding b = new AuthorizationCodeBinding("pub1", "https://app.example.test/cb",
                Optional.of(CodeVerifier.random().challenge()), Optional.of(CodeChallengeMethod.S256), List.of(RS),
                Scope.of("items:read", "items:write"), "u-alice", Optional.of(T0.minusSeconds(30)),
                Optional.of("n-0S6_WzA2Mj"));
        return new StoredAuthorizationCode(Digests.sha256Base64Url(Digests.randomToken()), b, T0, T0.plusSeconds(60),
                false, Optional.empty());
    }

    /** A fresh active refresh token of a new family of {@code pub1} for {@code u-alice}. */
    public static RefreshTokenRecord refreshToken() {
        return new RefreshTokenRecord(Digests.sha256Base64Url(Digests.randomToken()), Digests.randomId(), "pub1",
                "u-alice", Scope.of("items:read"), List.of(RS), Optional.of(T0), T0, T0.plusSeconds(86_400),
                T0.plusSeconds(30 * 86_400L), RefreshTokenState.ACTIVE);
    }

    /** The successor of {@code t}, issued one minute later. */
    public static RefreshTokenRecord successor(RefreshTokenRecord t) {
        return t.successor(Digests.sha256Base64Url(Digests.randomToken()), T0.plusSeconds(60),
                T0.plusSeconds(86_460));
    }
}
