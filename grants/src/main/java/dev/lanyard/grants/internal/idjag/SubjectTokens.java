package dev.lanyard.grants.internal.idjag;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.keys.VerifiedJws;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.RefreshTokenRecord;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.token.IdTokenIssuer;
import dev.lanyard.spec.claims.IdTokenClaims;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

/**
 * Validates the subject token of an ID-JAG token exchange at the IdP, by its declared type
 * ({@value dev.lanyard.spec.ref.Specs#ID_JAG} §4.3.3; RFC 8693 §2.1: validated per {@code subject_token_type}):
 * <ul>
 *   <li>{@code id_token}: an ID token of this server: a published key verifies it, {@code typ} is {@code JWT} (an
 *       access token, an ID-JAG or a logout token is not one: A-083), {@code iss} is this issuer, {@code aud} contains
 *       the authenticated client (and {@code azp} names it when there are several audiences), unexpired, {@code iat}
 *       not in the future;</li>
 *   <li>{@code refresh_token}: as the refresh token grant would (§4.3.3): a refresh token of this server, issued to
 *       the authenticated client, active, unexpired, its consent still in force. It is not rotated. A rotated token is
 *       reuse: its family is revoked (RFC 9700 §4.14.2);</li>
 *   <li>any other type (access tokens, SAML, JWT): unsupported.</li>
 * </ul>
 * Every failure is {@code invalid_request}, as RFC 8693 §2.2.2 requires for an invalid subject token (A-087; the
 * Spring Authorization Server answers {@code invalid_grant}). Expiry is checked without skew: the tokens are this
 * server's own.
 */
public final class SubjectTokens {

    private final RefreshTokenStore refreshTokens;
    private final ConsentStore consents;
    private final SigningKeys keys;
    private final GrantSettings settings;
    private final Clock clock;

    /**
     * @param refreshTokens the refresh token families
     * @param consents      users' consents
     * @param keys          this server's keys, which sign its ID tokens
     * @param settings      the issuer and clock skew
     * @param clock         the time source
     */
    public SubjectTokens(RefreshTokenStore refreshTokens, ConsentStore consents, SigningKeys keys,
            GrantSettings settings, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.consents = consents;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The user {@code token} of type {@code type} names, for {@code client}.
     *
     * @throws OAuthException {@code invalid_request} when the token is not a valid one of its declared type
     */
    public ExchangeSubject validate(String token, TokenTypeUri type, RegisteredClient client) {
        if (type.equals(TokenTypeUri.ID_TOKEN)) {
            return idToken(token, client.clientId());
        }
        if (type.equals(TokenTypeUri.REFRESH_TOKEN)) {
            return refreshToken(token, client.clientId());
        }
        // ID-JAG §4.3: an identity assertion or an IdP refresh token; SAML assertions are not supported
        throw OAuthException.invalidRequest("Unsupported subject_token_type", IdJagRules.EXCHANGE_REQUEST);
    }

    private ExchangeSubject idToken(String token, String clientId) {
        VerifiedJws jws = keys.verify(token).orElseThrow(() -> invalid("ID token", "no key of this server"));
        if (!jws.typ().map(IdTokenIssuer.TYP::equalsIgnoreCase).orElse(false)) {
            // RFC 8693 §2.1 / TX-03: the token must be of its declared type; at+jwt, oauth-id-jag+jwt are not
            throw invalid("ID token", "typ is not JWT");
        }
        IdTokenClaims claims = IdTokenClaims.parse(jws.payload()).toOptional()
                .orElseThrow(() -> invalid("ID token", "not ID token claims"));
        if (!claims.iss().equals(settings.issuer())) {
            throw invalid("ID token", "iss is another issuer");
        }
        boolean forClient = claims.aud().contains(clientId)
                && (claims.aud().size() == 1 || claims.azp().map(clientId::equals).orElse(false));
        if (!forClient) {
            // ID-JAG §4.3.3: the audience of the identity assertion MUST match the authenticated client
            throw invalid("ID token", "aud is not the client");
        }
        Instant now = clock.instant();
        if (!now.isBefore(claims.expiration()) || claims.issuedAt().isAfter(now.plus(settings.clockSkew()))) {
            throw invalid("ID token", "expired or issued in the future");
        }
        return new ExchangeSubject(claims.sub(), claims.expiration(), claims.authTime().map(Instant::ofEpochSecond));
    }

    private ExchangeSubject refreshToken(String token, String clientId) {
        Instant now = clock.instant();
        RefreshTokenRecord record = refreshTokens.find(Digests.sha256Base64Url(token))
                .orElseThrow(() -> invalid("refresh token", "unknown"));
        if (!record.clientId().equals(clientId)) {
            throw invalid("refresh token", "issued to another client");
        }
        if (record.state() == RefreshTokenState.ROTATED) {
            // OAuth 2.1 §4.3.1 / RFC 9700 §4.14.2: a rotated token presented again is reuse
            refreshTokens.revokeFamily(record.familyId());
            throw invalid("refresh token", "rotated token reused; family revoked");
        }
        if (record.state() == RefreshTokenState.REVOKED || record.isExpired(now)) {
            throw invalid("refresh token", "revoked or expired");
        }
        boolean consented = consents.find(record.subject(), record.clientId())
                .filter(c -> c.covers(record.scope(), record.resources())).isPresent();
        if (!consented) {
            // ID-JAG §4.3.3: validated as for a refresh_token grant, whose grant must still be active
            throw invalid("refresh token", "consent withdrawn");
        }
        return new ExchangeSubject(record.subject(), record.expiresAt(), record.authTime());
    }

    private static OAuthException invalid(String kind, String detail) {
        return new OAuthException(OAuthError.INVALID_REQUEST.withDescription(
                "Parameter subject_token is not a valid " + kind + " for this client"), IdJagRules.EXCHANGE_ERRORS,
                detail);
    }
}
