package dev.lanyard.grants.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.claims.AccessTokenClaimsBuilder;
import dev.lanyard.spec.core.ResourceIndicator;

/**
 * Issues JWT access tokens (RFC 9068): header {@code typ: at+jwt}, {@code alg} and {@code kid} of the active key;
 * claims {@code iss}, {@code sub}, {@code aud} (the resources), {@code client_id}, {@code scope}, {@code jti},
 * {@code iat}, {@code exp} ({@link GrantSettings#accessTokenTtl()}, 5 minutes by default), {@code auth_time} when
 * known, {@code act} for a delegation (RFC 8693 §4.1) and {@code authorization_details} when granted (RFC 9396
 * §9.1); then the customizers' claims. No store is touched: issuing
 * costs the claims' JSON and one signature.
 *
 * <p>Specifications: RFC 9068 §2.1, §2.2; RFC 7519 §4.1; RFC 8707 §2; RFC 9396 §9.1.
 */
public final class AccessTokenIssuer {

    private final GrantSettings settings;
    private final SigningKeys keys;
    private final List<TokenCustomizer> customizers;
    private final Clock clock;

    /**
     * @param settings    issuer and lifetime
     * @param keys        the signing keys
     * @param customizers applied in this order
     * @param clock       the time source
     */
    public AccessTokenIssuer(GrantSettings settings, SigningKeys keys, List<TokenCustomizer> customizers,
            Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.customizers = List.copyOf(customizers);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs a new access token for {@code content}. */
    public IssuedAccessToken issue(AccessTokenContent content) {
        return issue(content, Instant.MAX);
    }

    /**
     * Signs a new access token for {@code content} that expires no later than {@code notAfter} (RFC 8693 token
     * exchange: the issued token outlives neither the subject token nor the configured lifetime).
     *
     * @throws IllegalArgumentException when {@code notAfter} is not after now
     */
    public IssuedAccessToken issue(AccessTokenContent content, Instant notAfter) {
        return issue(content, notAfter, Digests.randomId());
    }

    /**
     * Signs a new access token for {@code content} issued together with a refresh token of the family
     * {@code familyId} (a code redemption or a refresh): its {@code jti} is {@code familyId}, a dot, and a random
     * part, so that revoking the family revokes the access tokens issued with it (OAuth 2.1 §4.3.1 and RFC 9700
     * §4.14.2: on refresh token reuse the whole grant; RFC 7009 §2.1: revoking a refresh token revokes its access
     * tokens).
     *
     * @param familyId the refresh token family: base64url characters, never a dot
     * @throws IllegalArgumentException when {@code familyId} is empty or holds a character outside base64url
     */
    public IssuedAccessToken issueInFamily(AccessTokenContent content, String familyId) {
        if (familyId.isEmpty() || !familyId.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9' || c == '-' || c == '_')) {
            throw new IllegalArgumentException("a family id is base64url");
        }
        return issue(content, Instant.MAX, familyId + "." + Digests.randomId());
    }

    private IssuedAccessToken issue(AccessTokenContent content, Instant notAfter, String jti) {
        Instant now = clock.instant();
        Instant exp = now.plus(settings.accessTokenTtl());
        if (notAfter.isBefore(exp)) {
            exp = notAfter;
        }
        if (!exp.isAfter(now)) {
            throw new IllegalArgumentException("an access token expires after it is issued");
        }
        AccessTokenClaimsBuilder b = AccessTokenClaims.builder()
                .iss(settings.issuer())
                .sub(content.subject())
                .aud(content.audience().stream().map(ResourceIndicator::value).toList())
                .clientId(content.clientId())
                .iat(now)
                .exp(exp)
                .jti(jti);
        content.scope().ifPresent(b::scope);
        content.authTime().ifPresent(t -> b.authentication(t, null, List.of()));
        content.act().ifPresent(b::act);
        if (!content.authorizationDetails().isEmpty()) {
            // RFC 9396 §9.1: the granted authorization details in the JWT access token
            b.claim("authorization_details", content.authorizationDetails().toJson());
        }
        if (!customizers.isEmpty()) {
            TokenContext context = new TokenContext(content, b);
            customizers.forEach(c -> c.customize(context));
            context.apply();
        }
        AccessTokenClaims claims = b.build();
        return new IssuedAccessToken(keys.sign(AccessTokenClaims.TYP, claims.toJson().toString()), claims);
    }
}
