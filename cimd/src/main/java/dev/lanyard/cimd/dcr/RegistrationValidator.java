package dev.lanyard.cimd.dcr;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.cimd.internal.Jwks;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.metadata.ClientMetadata;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * Checks a dynamic client registration request (RFC 7591 §3.1) before anything is stored: a pure function, no I/O.
 * Throws {@link OAuthException} with the RFC 7591 §3.2.2 error to return, the description naming the member and the
 * rule, never echoing a value.
 *
 * <ol>
 *   <li>Transport: {@code Content-Type: application/json}, else {@code invalid_request}; a body over the limit,
 *       {@code invalid_request} with HTTP 413 (A-068 a, e).</li>
 *   <li>A JSON object with unique members, else {@code invalid_client_metadata} (A-068 b, c, d).</li>
 *   <li>Redirect URIs, {@code invalid_redirect_uri}: required for the authorization code grant; each follows
 *       {@link RedirectUri#validateForRegistration(String)}: absolute, no fragment, no script-capable or local scheme,
 *       http only on loopback, private-use schemes with a dot, no wildcard .</li>
 *   <li>Everything else, {@code invalid_client_metadata}: the RFC 7591 §2 syntax, {@code jwks} and {@code jwks_uri}
 *       never together and {@code jwks} with public keys only, https URLs, grant types and authentication
 *       method supported, response types consistent with grant types (RFC 7591 §2.1; OAuth 2.1: {@code code} only),
 *       {@code private_key_jwt} with keys, {@code client_credentials} only for confidential clients,
 *       {@code application_type} {@code web} or {@code native}.</li>
 * </ol>
 *
 * <p>Members the server issues ({@code client_id}, {@code client_secret}, ...) or does not verify
 * ({@code software_statement}) are not refused but dropped, and listed in {@link RegistrationRequest#ignoredMembers()}:
 * a client never chooses its own credentials.
 *
 * <p>Specifications: RFC 7591 §2, §2.1, §3.1, §3.2.2; {@value Specs#OAUTH21} §2.3.1, §4.1.1; RFC 9700 §2.6, §4.1;
 * OpenID Connect Dynamic Client Registration 1.0 §2 ({@code application_type}); MCP {@value Specs#MCP} client
 * registration (application type).
 */
public final class RegistrationValidator {

    private static final SpecRef REQUEST = SpecRef.rfc(7591, "3.1");
    private static final SpecRef ERRORS = SpecRef.rfc(7591, "3.2.2");
    private static final SpecRef CONSISTENCY = SpecRef.rfc(7591, "2.1");
    private static final Set<String> FETCHED = Set.of("jwks_uri", "logo_uri");
    private static final Set<String> ISSUED = Set.of("client_id", "client_secret", "client_id_issued_at",
            "client_secret_expires_at", "registration_access_token", "registration_client_uri", "software_statement");

    /** The longest {@code client_uri}, {@code logo_uri}, {@code tos_uri}, {@code policy_uri} or {@code jwks_uri}. */
    public static final int MAX_URL_LENGTH = 2048;

    private final RegistrationRules rules;

    private RegistrationValidator(RegistrationRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** A validator with {@link RegistrationRules#defaults()}. */
    public static RegistrationValidator create() {
        return new RegistrationValidator(RegistrationRules.defaults());
    }

    /** A validator with these rules. */
    public static RegistrationValidator create(RegistrationRules rules) {
        return new RegistrationValidator(rules);
    }

    /**
     * Checks a request as received.
     *
     * @param contentType the {@code Content-Type} header, if any
     * @param body        the request body
     * @throws OAuthException {@code invalid_request}, {@code invalid_redirect_uri} or {@code invalid_client_metadata}
     */
    public RegistrationRequest validate(Optional<String> contentType, String body) {
        String type = contentType.map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        if (!type.equals("application/json")) {
            // RFC 7591 §3.1: the client sends an HTTP POST with Content-Type application/json
            throw OAuthException.invalidRequest("the registration request must have Content-Type application/json",
                    REQUEST);
        }
        if (body.length() > rules.maxBodyBytes()
                || body.getBytes(StandardCharsets.UTF_8).length > rules.maxBodyBytes()) {
            throw new OAuthException(OAuthError.INVALID_REQUEST.withStatus(413).withDescription(
                    "the registration request is larger than " + rules.maxBodyBytes() + " bytes"), REQUEST, null);
        }
        Parsed<JsonObject> json = StrictJson.parseObject(body);
        if (!(json instanceof Parsed.Ok<JsonObject> ok)) {
            throw new OAuthException(OAuthError.INVALID_CLIENT_METADATA.withDescription(
                    "the registration request must be a JSON object with unique members"), REQUEST,
                    json.violations().toString());
        }
        return validate(ok.value());
    }

    /**
     * Checks the client metadata of a request.
     *
     * @throws OAuthException {@code invalid_redirect_uri} or {@code invalid_client_metadata}
     */
    public RegistrationRequest validate(JsonObject request) {
        if (holdsNul(request)) {
            // RFC 7591 §3.2.2: metadata a server cannot accept; U+0000 fits no text column (PostgreSQL refuses it)
            throw new OAuthException(OAuthError.INVALID_CLIENT_METADATA.withDescription(
                    "no string may hold the character U+0000"), ERRORS, null);
        }
        Parsed<ClientMetadata> parsed = ClientMetadata.parse(request);
        List<Violation> redirects = new ArrayList<>();
        List<Violation> others = new ArrayList<>();
        for (Violation v : parsed.violations().items()) {
            (v.pointer().startsWith("/redirect_uris") ? redirects : others).add(v);
        }
        if (!redirects.isEmpty()) {
            throw redirectError(redirects.get(0));
        }
        if (!others.isEmpty()) {
            throw metadataError(others.get(0).pointer(), others.get(0).message(), others.get(0).rule());
        }
        ClientMetadata m = ((Parsed.Ok<ClientMetadata>) parsed).value();
        List<GrantType> grants = m.grantTypesOrDefault();
        List<RedirectUri> redirectUris = redirectUris(m, grants);
        checkMetadata(m, grants);
        List<String> ignored = ISSUED.stream().filter(request::containsKey).sorted().toList();
        return new RegistrationRequest(strip(m), m.tokenEndpointAuthMethodOrDefault(), grants, redirectUris,
                applicationType(m, redirectUris), ignored);
    }

    private static boolean holdsNul(JsonValue value) {
        return switch (value) {
            case JsonString s -> s.getString().indexOf('\u0000') >= 0;
            case JsonObject o -> o.entrySet().stream()
                    .anyMatch(e -> e.getKey().indexOf('\u0000') >= 0 || holdsNul(e.getValue()));
            case JsonArray a -> a.stream().anyMatch(RegistrationValidator::holdsNul);
            default -> false;
        };
    }

    private List<RedirectUri> redirectUris(ClientMetadata m, List<GrantType> grants) {
        if (m.redirectUris().isEmpty()) {
            if (grants.contains(GrantType.AUTHORIZATION_CODE)) {
                // OAuth 2.1 §2.3.1: the server MUST require registered redirect URIs for the code grant
                throw redirectError(new Violation("/redirect_uris", "is REQUIRED for the authorization_code grant",
                        Specs.OAUTH21_REDIRECT_REGISTRATION));
            }
            return List.of();
        }
        if (m.redirectUris().size() > rules.maxRedirectUris()) {
            throw redirectError(new Violation("/redirect_uris", "must have at most " + rules.maxRedirectUris()
                    + " entries", ERRORS));
        }
        List<RedirectUri> out = new ArrayList<>();
        for (int i = 0; i < m.redirectUris().size(); i++) {
            String value = m.redirectUris().get(i).toString();
            List<Violation> problems = RedirectUri.validateForRegistration(value).items();
            if (!problems.isEmpty()) {
                Violation p = problems.get(0);
                throw redirectError(new Violation("/redirect_uris/" + i, p.message(), p.rule()));
            }
            out.add(new RedirectUri(value));
        }
        return out;
    }

    private void checkMetadata(ClientMetadata m, List<GrantType> grants) {
        m.jwks().ifPresent(jwks -> {
            var keys = jwks.getJsonArray("keys");
            for (int i = 0; i < keys.size(); i++) {
                if (Jwks.isPrivate(keys.getJsonObject(i))) {
                    // RFC 7591 §2: jwks holds the client's public keys
                    throw metadataError("/jwks/keys/" + i, "must be a public key (no private or symmetric key"
                            + " material)", Specs.RFC7591_METADATA);
                }
            }
        });
        for (Map.Entry<String, Optional<URI>> url : Map.of("client_uri", m.clientUri(), "logo_uri", m.logoUri(),
                "tos_uri", m.tosUri(), "policy_uri", m.policyUri(), "jwks_uri", m.jwksUri()).entrySet()) {
            if (url.getValue().isPresent() && !"https".equals(url.getValue().get().getScheme())) {
                throw metadataError("/" + url.getKey(), "must be an https URL", Specs.RFC7591_METADATA);
            }
            if (url.getValue().isPresent() && FETCHED.contains(url.getKey())
                    && SafeFetcher.refusesLiteralHost(url.getValue().get())) {
                // checklist RG-04 (CVE-2026-1180, CVE-2021-26715): URLs the server fetches never name a private address
                throw metadataError("/" + url.getKey(), "must not name a special-use or private IP address",
                        SpecRef.rfc(6890, "2.2"));
            }
            if (url.getValue().isPresent() && url.getValue().get().toString().length() > MAX_URL_LENGTH) {
                // INP-03 (checklist): bounded values; a longer URL is refused, never stored truncated or failed on
                throw metadataError("/" + url.getKey(), "must have at most " + MAX_URL_LENGTH + " characters",
                        ERRORS);
            }
        }
        for (GrantType grant : grants) {
            if (!rules.grantTypes().contains(grant)) {
                throw metadataError("/grant_types", "contains a grant type this server does not support",
                        Specs.RFC7591_METADATA);
            }
        }
        List<String> responses = m.responseTypes(); // as sent; empty when absent
        boolean code = grants.contains(GrantType.AUTHORIZATION_CODE);
        if (!responses.stream().allMatch("code"::equals) || (!responses.isEmpty() && !code)) {
            // RFC 7591 §2.1: response_types and grant_types consistent; OAuth 2.1 §4.1.1: response_type code only
            throw metadataError("/response_types", "must be code, and only with the authorization_code grant",
                    CONSISTENCY);
        }
        ClientAuthMethod method = m.tokenEndpointAuthMethodOrDefault();
        if (!rules.authMethods().contains(method)) {
            throw metadataError("/token_endpoint_auth_method", "is not supported by this server",
                    Specs.RFC7591_METADATA);
        }
        if (method.equals(ClientAuthMethod.PRIVATE_KEY_JWT) && m.jwks().isEmpty() && m.jwksUri().isEmpty()) {
            throw metadataError("/token_endpoint_auth_method", "private_key_jwt needs jwks or jwks_uri",
                    Specs.RFC7591_METADATA);
        }
        if (method.equals(ClientAuthMethod.NONE) && grants.contains(GrantType.CLIENT_CREDENTIALS)) {
            // OAuth 2.1 §4.2: only confidential clients use the client credentials grant
            throw metadataError("/grant_types", "client_credentials needs a confidential client",
                    SpecRef.draft(Specs.OAUTH21, "4.2"));
        }
        m.applicationType().filter(t -> !t.equals("web") && !t.equals("native")).ifPresent(t -> {
            throw metadataError("/application_type", "must be web or native", Specs.OIDC_REGISTRATION_METADATA);
        });
    }

    private static String applicationType(ClientMetadata m, List<RedirectUri> redirectUris) {
        // OpenID Connect Registration §2 defaults to web, which clashes with native redirect URIs (MCP): infer it
        return m.applicationType().orElseGet(() -> redirectUris.stream().anyMatch(r -> r.isLoopback()
                || !r.value().startsWith("https:")) ? "native" : "web");
    }

    private static ClientMetadata strip(ClientMetadata m) {
        Map<String, JsonValue> extensions = new LinkedHashMap<>(m.extensions());
        extensions.keySet().removeAll(ISSUED);
        return new ClientMetadata(m.redirectUris(), m.tokenEndpointAuthMethod(), m.grantTypes(), m.responseTypes(),
                m.clientName(), m.clientUri(), m.logoUri(), m.scope(), m.contacts(), m.tosUri(), m.policyUri(),
                m.jwksUri(), m.jwks(), m.softwareId(), m.softwareVersion(), Optional.empty(), Optional.empty(),
                m.applicationType(), m.tokenEndpointAuthSigningAlg(), extensions);
    }

    private static OAuthException redirectError(Violation v) {
        return new OAuthException(OAuthError.INVALID_REDIRECT_URI.withDescription(
                text(v.pointer().substring(1) + " " + v.message())), v.rule(), null);
    }

    private static OAuthException metadataError(String pointer, String message, SpecRef rule) {
        return new OAuthException(OAuthError.INVALID_CLIENT_METADATA.withDescription(
                text(pointer.substring(pointer.isEmpty() ? 0 : 1) + " " + message)), rule, null);
    }

    /** Text fit for {@code error_description}: quotes become apostrophes, the RFC 6749 §5.2 characters. */
    private static String text(String description) {
        return OAuthError.sanitize(description.replace('"', '\''));
    }
}
