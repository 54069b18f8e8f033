package dev.lanyard.spec.token;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.internal.json.AccessTokenResponseCodec;
import dev.lanyard.spec.ref.Specs;

/**
 * A successful token response (RFC 6749 §5.1), with the token exchange member {@code issued_token_type}
 * (RFC 8693 §2.2.1) and the OpenID Connect {@code id_token}. Unknown members (for example RFC 6749's
 * {@code example_parameter}, or RFC 9396 {@code authorization_details}) are kept in {@link #extensions()} and written
 * back; clients ignore the ones they do not know (RFC 6749 §5.1).
 *
 * <p>{@code token_type} is compared case-insensitively ({@link #isTokenType(String)}). In an ID-JAG token exchange
 * response it is {@value #NOT_APPLICABLE} ({@value Specs#ID_JAG} §4.3.4), which the constructor and the parser enforce
 * whenever {@code issued_token_type} is {@link TokenTypeUri#ID_JAG}.
 *
 * @param accessToken     {@code access_token}, REQUIRED; VSCHAR. In a token exchange, the issued token, whatever
 *                        its type
 * @param tokenType       {@code token_type}, REQUIRED: {@code Bearer}, {@code DPoP}, {@code N_A}, …
 * @param expiresIn       {@code expires_in}, RECOMMENDED: seconds, a non-negative JSON number
 * @param refreshToken    {@code refresh_token}, OPTIONAL; VSCHAR
 * @param scope           {@code scope}, REQUIRED if it differs from the scope requested; never an empty scope
 * @param issuedTokenType {@code issued_token_type}, REQUIRED in token exchange responses; an absolute URI
 * @param idToken         {@code id_token} (OpenID Connect Core §3.1.3.3), OPTIONAL
 * @param extensions      other members, in document order; names never collide with the members above
 */
public record AccessTokenResponse(String accessToken, String tokenType, Optional<Long> expiresIn,
        Optional<String> refreshToken, Optional<Scope> scope, Optional<TokenTypeUri> issuedTokenType,
        Optional<String> idToken, Map<String, JsonValue> extensions) implements TokenResponse {

    /** RFC 6750 §4. */
    public static final String BEARER = "Bearer";
    /** RFC 9449 §5. */
    public static final String DPOP = "DPoP";
    /** RFC 8693 §2.2.1: the issued token is not an access token. */
    public static final String NOT_APPLICABLE = "N_A";

    public AccessTokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedTokenType, "issuedTokenType");
        Objects.requireNonNull(idToken, "idToken");
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        String problem = AccessTokenResponseCodec.problem(accessToken, tokenType, expiresIn, refreshToken, scope,
                issuedTokenType, idToken, extensions);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** A response with only the REQUIRED members and {@code expires_in}. */
    public static AccessTokenResponse of(String accessToken, String tokenType, long expiresIn) {
        return new AccessTokenResponse(accessToken, tokenType, Optional.of(expiresIn), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * Reads a success body (RFC 6749 §5.1).
     *
     * @return the response, or every violation found; never throws on bad input
     */
    public static Parsed<AccessTokenResponse> parse(JsonObject body) {
        return AccessTokenResponseCodec.parse(body);
    }

    /** Reads a success body from JSON text, strictly ({@link StrictJson}). */
    public static Parsed<AccessTokenResponse> parse(String body) {
        return StrictJson.parseObject(body).flatMap(AccessTokenResponse::parse);
    }

    /**
     * {@code authorization_details} (RFC 9396 §7): the authorization details granted with the token, kept in
     * {@link #extensions()}; the constructor and the parser refuse a malformed member.
     */
    public Optional<AuthorizationDetails> authorizationDetails() {
        JsonValue details = extensions.get("authorization_details");
        return details == null ? Optional.empty() : AuthorizationDetails.fromJson(details).toOptional();
    }

    /** Whether {@code token_type} is {@code type}, ignoring ASCII case (RFC 6749 §7.1, RFC 6750 §4). */
    public boolean isTokenType(String type) {
        if (tokenType.length() != type.length()) {
            return false;
        }
        for (int i = 0; i < type.length(); i++) {
            char a = tokenType.charAt(i);
            char b = type.charAt(i);
            if (a != b && lower(a) != lower(b)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Whether {@code token_type} is {@code Bearer} in any case. */
    public boolean isBearer() {
        return isTokenType(BEARER);
    }

    @Override
    public int httpStatus() {
        return 200;
    }

    /** The JSON body; optional members that are absent are omitted. */
    @Override
    public JsonObject toJson() {
        return AccessTokenResponseCodec.toJson(this);
    }

    /** Tokens are not shown. */
    @Override
    public String toString() {
        return "AccessTokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", refreshToken="
                + refreshToken.map(t -> "***") + ", scope=" + scope + ", issuedTokenType=" + issuedTokenType
                + ", idToken=" + idToken.map(t -> "***") + ", extensions=" + extensions.keySet() + "]";
    }
}
