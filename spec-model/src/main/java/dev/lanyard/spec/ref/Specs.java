package dev.lanyard.spec.ref;

/**
 * The spec revisions Lanyard implements, and the sections its checks cite most often.
 *
 * <p>Drafts are always cited with their revision. {@code SPECS.md} at the repository root maps each revision to the
 * tests that cover it.
 */
public final class Specs {

    /** OAuth 2.1, the revision implemented. */
    public static final String OAUTH21 = "draft-ietf-oauth-v2-1-16";
    /** Client ID Metadata Document, the revision implemented. */
    public static final String CIMD = "draft-ietf-oauth-client-id-metadata-document-02";
    /** Identity Assertion JWT Authorization Grant, the revision implemented. */
    public static final String ID_JAG = "draft-ietf-oauth-identity-assertion-authz-grant-03";
    /** JWT client authentication and grants, update of RFC 7523. */
    public static final String RFC7523BIS = "draft-ietf-oauth-rfc7523bis-10";
    /** MCP specification revision implemented. */
    public static final String MCP = "2026-07-28";

    /** RFC 6749 §5.2: error response, and the error-string character set. */
    public static final SpecRef RFC6749_ERROR_RESPONSE = SpecRef.rfc(6749, "5.2");
    /** RFC 6749 §3.3: scope syntax. */
    public static final SpecRef RFC6749_SCOPE = SpecRef.rfc(6749, "3.3");
    /** RFC 6749 §3.1: request parameters MUST NOT be included more than once; empty is absent. */
    public static final SpecRef RFC6749_PARAMETERS = SpecRef.rfc(6749, "3.1");
    /** OAuth 2.1 §3.1: parameter hygiene on the authorization endpoint (repeats, empties, unknowns). */
    public static final SpecRef OAUTH21_PARAMETERS = SpecRef.draft(OAUTH21, "3.1");
    /** OAuth 2.1 §3.2.2: token request. */
    public static final SpecRef OAUTH21_TOKEN_REQUEST = SpecRef.draft(OAUTH21, "3.2.2");
    /** OAuth 2.1 §4.1.1: authorization request. */
    public static final SpecRef OAUTH21_AUTHORIZATION_REQUEST = SpecRef.draft(OAUTH21, "4.1.1");
    /** OAuth 2.1 §4.1.3: token request for the code grant. */
    public static final SpecRef OAUTH21_CODE_TOKEN_REQUEST = SpecRef.draft(OAUTH21, "4.1.3");
    /** RFC 7636 §4.1: code_verifier syntax. */
    public static final SpecRef RFC7636_VERIFIER = SpecRef.rfc(7636, "4.1");
    /** RFC 7636 §4.2: code_challenge syntax. */
    public static final SpecRef RFC7636_CHALLENGE = SpecRef.rfc(7636, "4.2");
    /** RFC 8707 §2: resource parameter. */
    public static final SpecRef RFC8707_RESOURCE = SpecRef.rfc(8707, "2");
    /** RFC 8414 §2: authorization server metadata members. */
    public static final SpecRef RFC8414_METADATA = SpecRef.rfc(8414, "2");
    /** RFC 8414 §3: well-known URI construction. */
    public static final SpecRef RFC8414_WELL_KNOWN = SpecRef.rfc(8414, "3");
    /** RFC 8414 §3.3: issuer validation. */
    public static final SpecRef RFC8414_VALIDATION = SpecRef.rfc(8414, "3.3");
    /** RFC 9728 §2: protected resource metadata members. */
    public static final SpecRef RFC9728_METADATA = SpecRef.rfc(9728, "2");
    /** RFC 9728 §3.1: well-known URI construction. */
    public static final SpecRef RFC9728_WELL_KNOWN = SpecRef.rfc(9728, "3.1");
    /** RFC 9728 §3.3: resource validation. */
    public static final SpecRef RFC9728_VALIDATION = SpecRef.rfc(9728, "3.3");
    /** RFC 9728 §5.1: {@code resource_metadata} in WWW-Authenticate. */
    public static final SpecRef RFC9728_WWW_AUTHENTICATE = SpecRef.rfc(9728, "5.1");
    /** RFC 6750 §3: the WWW-Authenticate response header. */
    public static final SpecRef RFC6750_WWW_AUTHENTICATE = SpecRef.rfc(6750, "3");
    /** RFC 7591 §2: client metadata. */
    public static final SpecRef RFC7591_METADATA = SpecRef.rfc(7591, "2");
    /** RFC 8259 / RFC 7159: JSON text. */
    public static final SpecRef RFC8259_JSON = SpecRef.rfc(8259, "4");
    /** OAuth 2.1 §2.3: a redirect URI is absolute, has no fragment, and keeps its query. */
    public static final SpecRef OAUTH21_REDIRECT_URI = SpecRef.draft(OAUTH21, "2.3");
    /** OAuth 2.1 §2.3.1: complete registration, exact matching, reverse-domain private-use schemes. */
    public static final SpecRef OAUTH21_REDIRECT_REGISTRATION = SpecRef.draft(OAUTH21, "2.3.1");
    /** OAuth 2.1 §2.3.2: redirect_uri is REQUIRED when several are registered. */
    public static final SpecRef OAUTH21_MULTIPLE_REDIRECT_URIS = SpecRef.draft(OAUTH21, "2.3.2");
    /** OAuth 2.1 §4.1.2: authorization response. */
    public static final SpecRef OAUTH21_AUTHORIZATION_RESPONSE = SpecRef.draft(OAUTH21, "4.1.2");
    /** OAuth 2.1 §4.1.2.1: authorization error response (and when not to redirect). */
    public static final SpecRef OAUTH21_AUTHORIZATION_ERROR = SpecRef.draft(OAUTH21, "4.1.2.1");
    /** OAuth 2.1 §8.4.2: loopback redirect URIs, any port at request time (RFC 8252 §7.3). */
    public static final SpecRef OAUTH21_LOOPBACK_REDIRECT = SpecRef.draft(OAUTH21, "8.4.2");
    /** RFC 9207 §2: the {@code iss} authorization response parameter. */
    public static final SpecRef RFC9207_ISS = SpecRef.rfc(9207, "2");
    /** RFC 6749 §4.5: extension grants use an absolute URI as {@code grant_type}. */
    public static final SpecRef RFC6749_EXTENSION_GRANT = SpecRef.rfc(6749, "4.5");
    /** RFC 6749 §5.1: successful token response. */
    public static final SpecRef RFC6749_TOKEN_RESPONSE = SpecRef.rfc(6749, "5.1");
    /** RFC 6749 §6: refresh token request. */
    public static final SpecRef RFC6749_REFRESH = SpecRef.rfc(6749, "6");
    /** RFC 6749 Appendix A: ABNF of the protocol elements (VSCHAR, name-char). */
    public static final SpecRef RFC6749_SYNTAX = SpecRef.rfc(6749, "A");
    /** RFC 8693 §2.1: token exchange request. */
    public static final SpecRef RFC8693_REQUEST = SpecRef.rfc(8693, "2.1");
    /** RFC 8693 §2.2.1: token exchange response. */
    public static final SpecRef RFC8693_RESPONSE = SpecRef.rfc(8693, "2.2.1");
    /** RFC 7523 §2.1: JWT bearer authorization grant. */
    public static final SpecRef RFC7523_GRANT = SpecRef.rfc(7523, "2.1");
    /** RFC 7009 §2.1: revocation request. */
    public static final SpecRef RFC7009_REQUEST = SpecRef.rfc(7009, "2.1");
    /** RFC 7662 §2.1: introspection request. */
    public static final SpecRef RFC7662_REQUEST = SpecRef.rfc(7662, "2.1");
    /** RFC 7662 §2.2: introspection response. */
    public static final SpecRef RFC7662_RESPONSE = SpecRef.rfc(7662, "2.2");
    /** ID-JAG §4.3: token exchange request for an ID-JAG. */
    public static final SpecRef ID_JAG_TOKEN_EXCHANGE = SpecRef.draft(ID_JAG, "4.3");
    /** ID-JAG §4.3.4: token exchange response carrying an ID-JAG. */
    public static final SpecRef ID_JAG_TOKEN_EXCHANGE_RESPONSE = SpecRef.draft(ID_JAG, "4.3.4");
    /** RFC 6749 §3.1: the authorization endpoint URI MUST NOT include a fragment (as §3.2 for the token endpoint). */
    public static final SpecRef RFC6749_ENDPOINTS = SpecRef.rfc(6749, "3.1");
    /** RFC 6749 §3.1.2: the redirection endpoint URI is absolute and MUST NOT include a fragment. */
    public static final SpecRef RFC6749_REDIRECT_URI = SpecRef.rfc(6749, "3.1.2");
    /** RFC 7517 §5: a JWK Set has a REQUIRED {@code keys} array. */
    public static final SpecRef RFC7517_JWK_SET = SpecRef.rfc(7517, "5");
    /** RFC 7591 §3.2.1: client information response. */
    public static final SpecRef RFC7591_CLIENT_INFORMATION = SpecRef.rfc(7591, "3.2.1");
    /** RFC 8414 §2.1: signed authorization server metadata. */
    public static final SpecRef RFC8414_SIGNED_METADATA = SpecRef.rfc(8414, "2.1");
    /** RFC 9728 §2.2: signed protected resource metadata. */
    public static final SpecRef RFC9728_SIGNED_METADATA = SpecRef.rfc(9728, "2.2");
    /** RFC 9207 §3: {@code authorization_response_iss_parameter_supported}. */
    public static final SpecRef RFC9207_METADATA = SpecRef.rfc(9207, "3");
    /** RFC 9126 §5: pushed authorization request metadata. */
    public static final SpecRef RFC9126_METADATA = SpecRef.rfc(9126, "5");
    /** RFC 9449 §5.1: {@code dpop_signing_alg_values_supported}. */
    public static final SpecRef RFC9449_METADATA = SpecRef.rfc(9449, "5.1");
    /** CIMD §6: {@code client_id_metadata_document_supported}. */
    public static final SpecRef CIMD_METADATA = SpecRef.draft(CIMD, "6");
    /** ID-JAG §7: {@code authorization_grant_profiles_supported} and identity chaining metadata. */
    public static final SpecRef ID_JAG_METADATA = SpecRef.draft(ID_JAG, "7");
    /** OpenID Connect Discovery 1.0 §4: {@code /.well-known/openid-configuration}, appended to the issuer. */
    public static final SpecRef OIDC_DISCOVERY_WELL_KNOWN = new SpecRef("OpenID Connect Discovery 1.0", "4",
            java.net.URI.create("https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig"));
    /** OpenID Connect Dynamic Client Registration 1.0 §2: {@code application_type} and signing algorithms. */
    public static final SpecRef OIDC_REGISTRATION_METADATA = new SpecRef(
            "OpenID Connect Dynamic Client Registration 1.0", "2",
            java.net.URI.create("https://openid.net/specs/openid-connect-registration-1_0.html#ClientMetadata"));

    private Specs() {
    }
}
