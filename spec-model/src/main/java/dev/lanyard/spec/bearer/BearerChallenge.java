package dev.lanyard.spec.bearer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * A {@code Bearer} challenge of the {@code WWW-Authenticate} response header: the one place Lanyard renders and reads
 * it.
 *
 * <pre>
 * WWW-Authenticate: Bearer realm="example", error="invalid_token",
 *                   error_description="The access token expired"
 * </pre>
 *
 * <p>Every value is checked when the record is built, so {@link #toHeaderValue()} cannot emit CR, LF, or a character
 * outside the sets of RFC 6750 §3: no header injection. Values are always sent as quoted-strings, in the
 * order realm, error, error_description, error_uri, scope, resource_metadata, then the other parameters.
 *
 * <p>Specifications: RFC 6750 §3 (as updated by {@value Specs#OAUTH21} §5.3); RFC 9728 §5.1; RFC 9110 §11.6.1.
 *
 * @param realm            {@code realm}, OPTIONAL: HTAB, SP, VCHAR or obs-text
 * @param error            {@code error}, OPTIONAL: an error code, {@code 1*( %x20-21 / %x23-5B / %x5D-7E )}
 * @param errorDescription {@code error_description}, OPTIONAL: {@code *( %x20-21 / %x23-5B / %x5D-7E )}
 * @param errorUri         {@code error_uri}, OPTIONAL: a URI-reference in {@code %x21 / %x23-5B / %x5D-7E}
 * @param scope            {@code scope}, OPTIONAL: the scope the resource needs; never empty when present
 * @param resourceMetadata {@code resource_metadata} (RFC 9728 §5.1), OPTIONAL: the absolute URL of the protected
 *                         resource metadata
 * @param otherParams      other auth-params, in order: lower-case token names (RFC 9110 §11.2), quotable values
 */
public record BearerChallenge(Optional<String> realm, Optional<String> error, Optional<String> errorDescription,
        Optional<URI> errorUri, Optional<Scope> scope, Optional<URI> resourceMetadata,
        Map<String, String> otherParams) {

    /** The auth-scheme. */
    public static final String SCHEME = "Bearer";

    static final SpecRef RFC6750_3 = Specs.RFC6750_WWW_AUTHENTICATE;
    static final Set<String> KNOWN = Set.of("realm", "error", "error_description", "error_uri", "scope",
            "resource_metadata");

    public BearerChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(errorDescription, "errorDescription");
        Objects.requireNonNull(errorUri, "errorUri");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(resourceMetadata, "resourceMetadata");
        Objects.requireNonNull(otherParams, "otherParams");
        require(realm.isEmpty() || HttpSyntax.isQuotable(realm.get()), "realm holds a control character");
        require(error.isEmpty() || !error.get().isEmpty() && OAuthError.isErrorText(error.get()),
                "error outside %x20-21 / %x23-5B / %x5D-7E (RFC 6750 §3)");
        require(errorDescription.isEmpty() || OAuthError.isErrorText(errorDescription.get()),
                "error_description outside %x20-21 / %x23-5B / %x5D-7E (RFC 6750 §3)");
        require(errorUri.isEmpty() || HttpSyntax.isUriText(errorUri.get().toString())
                && !errorUri.get().toString().isEmpty(), "error_uri outside %x21 / %x23-5B / %x5D-7E (RFC 6750 §3)");
        require(scope.isEmpty() || !scope.get().isEmpty(), "an empty scope is absent");
        require(resourceMetadata.isEmpty() || resourceMetadata.get().isAbsolute()
                && HttpSyntax.isUriText(resourceMetadata.get().toString()),
                "resource_metadata is an absolute URL (RFC 9728 §5.1)");
        Map<String, String> copy = new LinkedHashMap<>();
        otherParams.forEach((name, value) -> {
            require(HttpSyntax.isToken(name), "an auth-param name is a token (RFC 9110 §11.2)");
            String lower = HttpSyntax.asciiLower(name);
            require(!KNOWN.contains(lower), "a Bearer parameter with its own component is not another parameter");
            require(HttpSyntax.isQuotable(value), "an auth-param value holds a control character");
            require(copy.put(lower, value) == null, "an auth-param name occurs once (RFC 6750 §3)");
        });
        otherParams = Collections.unmodifiableMap(copy);
    }

    /** A builder; everything is absent until set. */
    public static BearerChallengeBuilder builder() {
        return new BearerChallengeBuilder();
    }

    /**
     * The {@code WWW-Authenticate} field value: {@code Bearer} followed by the auth-params as quoted-strings.
     *
     * @throws IllegalStateException when no parameter is set: RFC 6750 §3 requires at least one (RS-06)
     */
    public String toHeaderValue() {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        realm.ifPresent(v -> add(names, values, "realm", v));
        error.ifPresent(v -> add(names, values, "error", v));
        errorDescription.ifPresent(v -> add(names, values, "error_description", v));
        errorUri.ifPresent(v -> add(names, values, "error_uri", v.toString()));
        scope.ifPresent(v -> add(names, values, "scope", v.toString()));
        resourceMetadata.ifPresent(v -> add(names, values, "resource_metadata", v.toString()));
        otherParams.forEach((n, v) -> add(names, values, n, v));
        if (names.isEmpty()) {
            throw new IllegalStateException("RFC 6750 §3: a Bearer challenge carries at least one auth-param");
        }
        StringBuilder b = new StringBuilder(SCHEME).append(' ');
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append('=');
            HttpSyntax.appendQuoted(b, values.get(i));
        }
        return b.toString();
    }

    /**
     * Reads the first {@code Bearer} challenge of a {@code WWW-Authenticate} field value, which may hold challenges of
     * other schemes too (RFC 9728 §5.4).
     *
     * @return the challenge, or empty when the value has no {@code Bearer} challenge
     * @throws OAuthException {@code invalid_request} when the value is malformed (see {@link Challenge#parseAll}), or
     *                        the Bearer challenge breaks RFC 6750 §3 (see {@link #from(Challenge)})
     */
    public static Optional<BearerChallenge> parse(String headerValue) {
        for (Challenge c : Challenge.parseAll(headerValue)) {
            if (c.isScheme(SCHEME)) {
                return Optional.of(from(c));
            }
        }
        return Optional.empty();
    }

    /**
     * Every challenge of a {@code WWW-Authenticate} field value, of every scheme.
     *
     * @throws OAuthException {@code invalid_request} when the value is malformed
     */
    public static List<Challenge> parseAll(String headerValue) {
        return Challenge.parseAll(headerValue);
    }

    /**
     * Types the parameters of a parsed {@code Bearer} challenge. A challenge without parameters gives an empty
     * record: servers ought to send one (RFC 6750 §3), but a client can still act on the 401.
     *
     * @throws IllegalArgumentException when {@code challenge} is not of the Bearer scheme
     * @throws OAuthException           {@code invalid_request} naming the parameter when it carries a token68, or a
     *                                  value breaks its syntax
     */
    public static BearerChallenge from(Challenge challenge) {
        if (!challenge.isScheme(SCHEME)) {
            throw new IllegalArgumentException("not a Bearer challenge");
        }
        if (challenge.token68().isPresent()) {
            // RFC 6750 §3: the Bearer scheme MUST be followed by auth-params
            throw OAuthException.invalidRequest("A Bearer challenge carries a token68 instead of auth-params",
                    RFC6750_3);
        }
        Map<String, String> p = new LinkedHashMap<>(challenge.params());
        Optional<String> realm = Optional.ofNullable(p.remove("realm"));
        Optional<String> error = Optional.ofNullable(p.remove("error"));
        // RFC 6750 §3: error and error_description MUST NOT include characters outside %x20-21 / %x23-5B / %x5D-7E
        check(error.isEmpty() || !error.get().isEmpty() && OAuthError.isErrorText(error.get()), "error", RFC6750_3);
        Optional<String> description = Optional.ofNullable(p.remove("error_description"));
        check(description.isEmpty() || OAuthError.isErrorText(description.get()), "error_description", RFC6750_3);
        // RFC 6750 §3: error_uri is a URI-reference in %x21 / %x23-5B / %x5D-7E
        Optional<URI> errorUri = uri(p.remove("error_uri"), "error_uri", false, RFC6750_3);
        Optional<Scope> scope = Optional.ofNullable(p.remove("scope")).flatMap(BearerChallenge::scope);
        // RFC 9728 §5.1: resource_metadata is the URL of the protected resource metadata
        Optional<URI> metadata = uri(p.remove("resource_metadata"), "resource_metadata", true,
                Specs.RFC9728_WWW_AUTHENTICATE);
        return new BearerChallenge(realm, error, description, errorUri, scope, metadata, p);
    }

    /** The error this challenge reports, if any: its code, description and URI (RFC 6750 §3.1 statuses). */
    public Optional<OAuthError> oauthError() {
        return error.map(code -> {
            OAuthError e = OAuthError.forCode(code);
            e = errorDescription.map(e::withDescription).orElse(e);
            return errorUri.map(e::withUri).orElse(e);
        });
    }

    private static Optional<Scope> scope(String value) {
        // RFC 6750 §3: scope values use %x21 / %x23-5B / %x5D-7E, separated by SP
        List<String> tokens = new ArrayList<>();
        for (String t : value.split(" ")) {
            check(t.isEmpty() || Scope.isScopeToken(t), "scope", RFC6750_3);
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens.isEmpty() ? Optional.empty() : Optional.of(Scope.of(tokens));
    }

    private static Optional<URI> uri(String value, String name, boolean absolute, SpecRef rule) {
        if (value == null) {
            return Optional.empty();
        }
        check(!value.isEmpty() && HttpSyntax.isUriText(value), name, rule);
        try {
            URI uri = new URI(value);
            check(!absolute || uri.isAbsolute(), name, rule);
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw invalid(name, rule);
        }
    }

    private static void check(boolean ok, String name, SpecRef rule) {
        if (!ok) {
            throw invalid(name, rule);
        }
    }

    private static OAuthException invalid(String name, SpecRef rule) {
        return OAuthException.invalidRequest("Malformed " + name + " in the Bearer challenge", rule);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void add(List<String> names, List<String> values, String name, String value) {
        names.add(name);
        values.add(value);
    }
}
