package dev.lanyard.grants.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.spec.claims.IdTokenClaims;

/**
 * Issues OpenID Connect ID tokens when the server acts as an OpenID Provider for its own clients (the enterprise
 * IdP of Cross App Access): header {@code typ: JWT}, {@code alg} and {@code kid} of the active key; claims
 * {@code iss}, {@code sub}, {@code aud} (the client's {@code client_id}, the only audience), {@code exp}, {@code iat},
 * {@code nonce} when the authorization request sent one, and {@code auth_time} when known.
 *
 * <p>The {@code typ} {@code JWT} keeps ID tokens apart from access tokens ({@code at+jwt}) and ID-JAGs
 * ({@code oauth-id-jag+jwt}) signed by the same keys, so that one can never be accepted as another (RFC 8725 §3.11).
 *
 * <p>Specifications: OpenID Connect Core 1.0 §2, §3.1.3.3, §3.1.3.6; RFC 7519 §5.1.
 */
public final class IdTokenIssuer {

    /** The {@code typ} header of ID tokens (RFC 7519 §5.1). */
    public static final String TYP = "JWT";
    /** The default lifetime: 5 minutes, as access tokens. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final GrantSettings settings;
    private final SigningKeys keys;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param settings the issuer
     * @param keys     the signing keys (published at {@code jwks_uri})
     * @param lifetime how long an ID token is valid; positive
     * @param clock    the time source
     */
    public IdTokenIssuer(GrantSettings settings, SigningKeys keys, Duration lifetime, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("an ID token lifetime is positive");
        }
    }

    /**
     * Signs an ID token for {@code subject}, to be read by the client {@code clientId}; never log it.
     *
     * @param clientId the client, the token's only audience (OIDC Core §2: {@code aud} contains its {@code client_id})
     * @param subject  the user
     * @param nonce    the authorization request's {@code nonce}, passed through unmodified (OIDC Core §3.1.3.6)
     * @param authTime when the user authenticated
     */
    public String issue(String clientId, String subject, Optional<String> nonce, Optional<Instant> authTime) {
        Instant now = clock.instant();
        IdTokenClaims claims = new IdTokenClaims(settings.issuer(), subject, List.of(clientId),
                now.plus(lifetime).getEpochSecond(), now.getEpochSecond(), authTime.map(Instant::getEpochSecond),
                nonce, Optional.empty(), List.of(), Optional.empty(), Map.of());
        return keys.sign(TYP, claims.toJson().toString());
    }
}
