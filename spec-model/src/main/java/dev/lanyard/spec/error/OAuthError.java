package dev.lanyard.spec.error;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.internal.json.JsonP;
import dev.lanyard.spec.ref.Specs;

/**
 * An OAuth error as it goes on the wire: {@code error}, {@code error_description}, {@code error_uri}, and the HTTP
 * status it is sent with.
 *
 * <p>The registry of error codes is open (RFC 6749 §8.5), so this is a record with constants, not an enum. The
 * constants carry the status each code maps to at the token endpoint and resource server; an authorization endpoint
 * redirects them instead.
 *
 * <p>Specifications: RFC 6749 §4.1.2.1, §5.2; RFC 6750 §3.1; RFC 8707 §2; RFC 7591 §3.2.2; RFC 7009 §2.2.1;
 * RFC 9396 §5;
 * {@value Specs#OAUTH21}.
 *
 * @param code        the {@code error} value; restricted to {@code %x20-21 / %x23-5B / %x5D-7E}
 * @param description {@code error_description}, OPTIONAL; same character set
 * @param uri         {@code error_uri}, OPTIONAL
 * @param httpStatus  the HTTP status of a direct (non-redirect) response
 */
public record OAuthError(String code, Optional<String> description, Optional<URI> uri, int httpStatus) {

    // RFC 6749 §5.2, §4.1.2.1
    public static final OAuthError INVALID_REQUEST = of("invalid_request", 400);
    public static final OAuthError INVALID_CLIENT = of("invalid_client", 401);
    public static final OAuthError INVALID_GRANT = of("invalid_grant", 400);
    public static final OAuthError UNAUTHORIZED_CLIENT = of("unauthorized_client", 400);
    public static final OAuthError UNSUPPORTED_GRANT_TYPE = of("unsupported_grant_type", 400);
    public static final OAuthError INVALID_SCOPE = of("invalid_scope", 400);
    public static final OAuthError ACCESS_DENIED = of("access_denied", 403);
    public static final OAuthError UNSUPPORTED_RESPONSE_TYPE = of("unsupported_response_type", 400);
    public static final OAuthError SERVER_ERROR = of("server_error", 500);
    public static final OAuthError TEMPORARILY_UNAVAILABLE = of("temporarily_unavailable", 503);
    // RFC 6750 §3.1
    public static final OAuthError INVALID_TOKEN = of("invalid_token", 401);
    public static final OAuthError INSUFFICIENT_SCOPE = of("insufficient_scope", 403);
    // RFC 8707 §2
    public static final OAuthError INVALID_TARGET = of("invalid_target", 400);
    // RFC 7591 §3.2.2
    public static final OAuthError INVALID_REDIRECT_URI = of("invalid_redirect_uri", 400);
    public static final OAuthError INVALID_CLIENT_METADATA = of("invalid_client_metadata", 400);
    public static final OAuthError INVALID_SOFTWARE_STATEMENT = of("invalid_software_statement", 400);
    public static final OAuthError UNAPPROVED_SOFTWARE_STATEMENT = of("unapproved_software_statement", 400);
    // RFC 7009 §2.2.1
    public static final OAuthError UNSUPPORTED_TOKEN_TYPE = of("unsupported_token_type", 400);
    // RFC 9449 §5 (token endpoint) and §12.2 (registered)
    public static final OAuthError INVALID_DPOP_PROOF = of("invalid_dpop_proof", 400);
    // RFC 9396 §5 (authorization endpoint) and §6.2 (token endpoint)
    public static final OAuthError INVALID_AUTHORIZATION_DETAILS = of("invalid_authorization_details", 400);
    // OpenID Connect Core §3.1.2.6
    public static final OAuthError LOGIN_REQUIRED = of("login_required", 400);
    public static final OAuthError CONSENT_REQUIRED = of("consent_required", 400);
    public static final OAuthError INTERACTION_REQUIRED = of("interaction_required", 400);
    /** The authorization server does not take request objects by value ({@code request}, RFC 9101 §5.1). */
    public static final OAuthError REQUEST_NOT_SUPPORTED = of("request_not_supported", 400);
    /** The authorization server does not take requests by reference ({@code request_uri}, RFC 9101 §5.2). */
    public static final OAuthError REQUEST_URI_NOT_SUPPORTED = of("request_uri_not_supported", 400);

    private static final Map<String, OAuthError> REGISTERED = new LinkedHashMap<>();

    static {
        for (OAuthError e : new OAuthError[] {INVALID_REQUEST, INVALID_CLIENT, INVALID_GRANT, UNAUTHORIZED_CLIENT,
                UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE, ACCESS_DENIED, UNSUPPORTED_RESPONSE_TYPE, SERVER_ERROR,
                TEMPORARILY_UNAVAILABLE, INVALID_TOKEN, INSUFFICIENT_SCOPE, INVALID_TARGET, INVALID_REDIRECT_URI,
                INVALID_CLIENT_METADATA, INVALID_SOFTWARE_STATEMENT, UNAPPROVED_SOFTWARE_STATEMENT,
                UNSUPPORTED_TOKEN_TYPE, INVALID_DPOP_PROOF, INVALID_AUTHORIZATION_DETAILS, LOGIN_REQUIRED,
                CONSENT_REQUIRED, INTERACTION_REQUIRED, REQUEST_NOT_SUPPORTED, REQUEST_URI_NOT_SUPPORTED}) {
            REGISTERED.put(e.code(), e);
        }
    }

    public OAuthError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(uri, "uri");
        // RFC 6749 §5.2: error = 1*( %x20-21 / %x23-5B / %x5D-7E )
        if (code.isEmpty() || !isErrorText(code)) {
            throw new IllegalArgumentException("error code outside the RFC 6749 §5.2 character set");
        }
        if (description.isPresent() && !isErrorText(description.get())) {
            throw new IllegalArgumentException("error_description outside the RFC 6749 §5.2 character set");
        }
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("an error's HTTP status is 4xx or 5xx: " + httpStatus);
        }
    }

    private static OAuthError of(String code, int status) {
        return new OAuthError(code, Optional.empty(), Optional.empty(), status);
    }

    /**
     * The error for a code: a registered constant when the code is registered, otherwise a new error with status 400.
     */
    public static OAuthError forCode(String code) {
        OAuthError known = REGISTERED.get(code);
        return known != null ? known : of(code, 400);
    }

    /** Whether {@code text} uses only {@code %x20-21 / %x23-5B / %x5D-7E} (RFC 6749 §5.2, RFC 6750 §3). */
    public static boolean isErrorText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes arbitrary text safe as an {@code error_description}: characters outside the RFC 6749 §5.2 set become
     * {@code ?}, and the text is cut at 200 characters. Never pass secrets or raw request input through it.
     */
    public static String sanitize(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && b.length() < 200; i++) {
            char c = text.charAt(i);
            b.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '?' : c);
        }
        return b.toString();
    }

    /** A copy of this error with the given description. */
    public OAuthError withDescription(String newDescription) {
        return new OAuthError(code, Optional.of(newDescription), uri, httpStatus);
    }

    /** A copy of this error with the given {@code error_uri}. */
    public OAuthError withUri(URI newUri) {
        return new OAuthError(code, description, Optional.of(newUri), httpStatus);
    }

    /** A copy of this error with another HTTP status. */
    public OAuthError withStatus(int newStatus) {
        return new OAuthError(code, description, uri, newStatus);
    }

    /** Whether this error has the same {@code error} code as {@code other}. */
    public boolean is(OAuthError other) {
        return code.equals(other.code());
    }

    /** The JSON body of RFC 6749 §5.2. */
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("error", code);
        description.ifPresent(d -> b.add("error_description", d));
        uri.ifPresent(u -> b.add("error_uri", u.toString()));
        return b.build();
    }

    /** The parameters of an error redirect (RFC 6749 §4.1.2.1), in order. */
    public Map<String, String> toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("error", code);
        description.ifPresent(d -> p.put("error_description", d));
        uri.ifPresent(u -> p.put("error_uri", u.toString()));
        return p;
    }

    /**
     * Reads an error body (RFC 6749 §5.2) received with {@code httpStatus}.
     *
     * @return the error, or the violations that make the body unusable
     */
    public static Parsed<OAuthError> parse(JsonObject body, int httpStatus) {
        Violations.Collector v = Violations.collector();
        String code = null;
        JsonValue error = body.get("error");
        if (!(error instanceof JsonString s) || s.getString().isEmpty() || !isErrorText(s.getString())) {
            v.add("/error", "REQUIRED string in the RFC 6749 §5.2 character set", Specs.RFC6749_ERROR_RESPONSE);
        } else {
            code = s.getString();
        }
        Optional<String> description = Optional.empty();
        JsonValue d = body.get("error_description");
        if (d != null) {
            if (d instanceof JsonString s && isErrorText(s.getString())) {
                description = Optional.of(s.getString());
            } else {
                v.add("/error_description", "must be a string in the RFC 6749 §5.2 character set",
                        Specs.RFC6749_ERROR_RESPONSE);
            }
        }
        Optional<URI> uri = Optional.empty();
        JsonValue u = body.get("error_uri");
        if (u != null) {
            try {
                if (!(u instanceof JsonString s) || s.getString().indexOf(' ') >= 0) {
                    throw new URISyntaxException(String.valueOf(u), "not a URI-reference");
                }
                uri = Optional.of(new URI(s.getString()));
            } catch (URISyntaxException e) {
                v.add("/error_uri", "must be a URI-reference", Specs.RFC6749_ERROR_RESPONSE);
            }
        }
        if (httpStatus < 400 || httpStatus > 599) {
            v.add("", "an error response has a 4xx or 5xx status, not " + httpStatus, Specs.RFC6749_ERROR_RESPONSE);
        }
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new OAuthError(code, description, uri, httpStatus));
    }
}
