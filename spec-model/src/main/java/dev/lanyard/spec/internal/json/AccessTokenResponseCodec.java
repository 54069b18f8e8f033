package dev.lanyard.spec.internal.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;
import dev.lanyard.spec.token.AccessTokenResponse;

/** JSON codec of {@link AccessTokenResponse} (RFC 6749 §5.1, RFC 8693 §2.2.1). Internal. */
public final class AccessTokenResponseCodec {

    /** The members with their own component. */
    public static final Set<String> MEMBERS = Set.of("access_token", "token_type", "expires_in", "refresh_token",
            "scope", "issued_token_type", "id_token");

    private static final SpecRef RULE = Specs.RFC6749_TOKEN_RESPONSE;
    private static final String DETAILS = "authorization_details";

    private AccessTokenResponseCodec() {
    }

    /** Reads a success body, collecting every violation. */
    public static Parsed<AccessTokenResponse> parse(JsonObject o) {
        Violations.Collector v = Violations.collector();
        String accessToken = JsonReads.requiredString(o, "access_token", v, RULE);
        if (accessToken != null && !isVschars(accessToken)) {
            v.add("/access_token", "must be VSCHAR (RFC 6749 Appendix A.12)", RULE);
        }
        String tokenType = JsonReads.requiredString(o, "token_type", v, RULE);
        if (tokenType != null && !isTokenTypeSyntax(tokenType)) {
            v.add("/token_type", "must be a type name or an absolute URI (RFC 6749 Appendix A.13)", RULE);
        }
        Optional<Long> expiresIn = JsonReads.integer(o, "expires_in", v, RULE);
        if (expiresIn.isPresent() && expiresIn.get() < 0) {
            v.add("/expires_in", "must not be negative", RULE);
        }
        Optional<String> refreshToken = vschars(o, "refresh_token", v);
        Optional<Scope> scope = scope(o, v, RULE);
        Optional<TokenTypeUri> issuedTokenType = JsonReads.string(o, "issued_token_type", v, Specs.RFC8693_RESPONSE)
                .flatMap(t -> {
                    if (isAbsoluteUri(t)) {
                        return Optional.of(new TokenTypeUri(t));
                    }
                    v.add("/issued_token_type", "must be an absolute URI (RFC 8693 §3)", Specs.RFC8693_RESPONSE);
                    return Optional.empty();
                });
        Optional<String> idToken = vschars(o, "id_token", v);
        if (issuedTokenType.equals(Optional.of(TokenTypeUri.ID_JAG)) && tokenType != null
                && !tokenType.equals(AccessTokenResponse.NOT_APPLICABLE)) {
            // ID-JAG §4.3.4: token_type REQUIRED - N_A (because this is not an OAuth access token)
            v.add("/token_type", "must be N_A when an ID-JAG is issued", Specs.ID_JAG_TOKEN_EXCHANGE_RESPONSE);
        }
        JsonValue details = o.get(DETAILS);
        if (details != null && !AuthorizationDetails.fromJson(details).isValid()) {
            // RFC 9396 §7: the granted authorization details, an array of objects with a type each
            v.add("/" + DETAILS, "must be an array of authorization details (RFC 9396 §2)", SpecRef.rfc(9396, "7"));
        }
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new AccessTokenResponse(accessToken, tokenType, expiresIn, refreshToken, scope,
                issuedTokenType, idToken, JsonReads.extensions(o, MEMBERS)));
    }

    /** Why these components do not make a valid response, or {@code null}. */
    public static String problem(String accessToken, String tokenType, Optional<Long> expiresIn,
            Optional<String> refreshToken, Optional<Scope> scope, Optional<TokenTypeUri> issuedTokenType,
            Optional<String> idToken, Map<String, JsonValue> extensions) {
        if (!isVschars(accessToken)) {
            return "accessToken must be non-empty VSCHAR";
        }
        if (!isTokenTypeSyntax(tokenType)) {
            return "tokenType must be a type name or an absolute URI";
        }
        if (expiresIn.isPresent() && expiresIn.get() < 0) {
            return "expiresIn must not be negative";
        }
        if (refreshToken.isPresent() && !isVschars(refreshToken.get())
                || idToken.isPresent() && !isVschars(idToken.get())) {
            return "refreshToken and idToken must be non-empty VSCHAR";
        }
        if (scope.isPresent() && scope.get().isEmpty()) {
            return "an empty scope is absent: use Optional.empty()";
        }
        if (issuedTokenType.isPresent() && !isAbsoluteUri(issuedTokenType.get().value())) {
            return "issuedTokenType must be an absolute URI";
        }
        if (issuedTokenType.equals(Optional.of(TokenTypeUri.ID_JAG))
                && !tokenType.equals(AccessTokenResponse.NOT_APPLICABLE)) {
            return "tokenType is N_A when an ID-JAG is issued (ID-JAG §4.3.4)";
        }
        if (extensions.values().stream().anyMatch(java.util.Objects::isNull)) {
            return "extension values must not be null (use JsonValue.NULL)";
        }
        if (extensions.keySet().stream().anyMatch(MEMBERS::contains)) {
            return "extensions must not hold the response's own members";
        }
        if (extensions.containsKey(DETAILS) && !AuthorizationDetails.fromJson(extensions.get(DETAILS)).isValid()) {
            return "authorization_details must be an array of authorization details (RFC 9396 §7)";
        }
        return null;
    }

    /** The JSON body; absent members are omitted. */
    public static JsonObject toJson(AccessTokenResponse r) {
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("access_token", r.accessToken())
                .add("token_type", r.tokenType());
        JsonWrites.put(b, "expires_in", r.expiresIn());
        JsonWrites.put(b, "refresh_token", r.refreshToken());
        JsonWrites.put(b, "scope", r.scope());
        JsonWrites.put(b, "issued_token_type", r.issuedTokenType());
        JsonWrites.put(b, "id_token", r.idToken());
        JsonWrites.putAll(b, r.extensions());
        return b.build();
    }

    /**
     * An OPTIONAL {@code scope} member (RFC 6749 §3.3): a string of scope tokens; an empty string is absent.
     */
    public static Optional<Scope> scope(JsonObject o, Violations.Collector v, SpecRef rule) {
        Optional<String> s = JsonReads.string(o, "scope", v, rule);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Scope.parseOptional(s);
        } catch (OAuthException e) {
            v.add("/scope", "must be space-delimited scope tokens of at most " + Scope.MAX_LENGTH + " characters",
                    Specs.RFC6749_SCOPE);
            return Optional.empty();
        }
    }

    private static Optional<String> vschars(JsonObject o, String name, Violations.Collector v) {
        Optional<String> s = JsonReads.string(o, name, v, RULE);
        if (s.isPresent() && !isVschars(s.get())) {
            v.add("/" + name, "must be non-empty VSCHAR (RFC 6749 Appendix A)", RULE);
            return Optional.empty();
        }
        return s;
    }

    /** Whether {@code s} is non-empty and only {@code %x20-7E} (VSCHAR, RFC 6749 Appendix A). */
    public static boolean isVschars(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** RFC 6749 Appendix A.13: {@code type-name = 1*name-char} (ALPHA, DIGIT, "-", ".", "_"), or an absolute URI. */
    public static boolean isTokenTypeSyntax(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean name = true;
        for (int i = 0; i < s.length() && name; i++) {
            char c = s.charAt(i);
            name = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_';
        }
        return name || isAbsoluteUri(s);
    }

    /** Whether {@code s} is an absolute URI without a fragment. */
    public static boolean isAbsoluteUri(String s) {
        try {
            URI uri = new URI(s);
            return uri.isAbsolute() && uri.getRawFragment() == null && s.indexOf('#') < 0;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
