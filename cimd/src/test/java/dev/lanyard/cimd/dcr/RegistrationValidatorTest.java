package dev.lanyard.cimd.dcr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.error.OAuthException;

class RegistrationValidatorTest {

    private static final Optional<String> JSON = Optional.of("application/json");
    private final RegistrationValidator validator = RegistrationValidator.create();

    // RFC 7591 §3.1, first example: a request not using an initial access token
    static final String RFC7591_REQUEST = """
            {
             "redirect_uris": [
               "https://client.example.org/callback",
               "https://client.example.org/callback2"],
             "client_name": "My Example Client",
             "client_name#ja-Jpan-JP":
                "\u30AF\u30E9\u30A4\u30A2\u30F3\u30C8\u540D",
             "token_endpoint_auth_method": "client_secret_basic",
             "logo_uri": "https://client.example.org/logo.png",
             "jwks_uri": "https://client.example.org/my_public_keys.jwks",
             "example_extension_parameter": "example_value"
            }
            """;

    private OAuthException refused(String body) {
        return refused(JSON, body);
    }

    private OAuthException refused(Optional<String> type, String body) {
        OAuthException e = catchThrowableOfType(OAuthException.class, () -> validator.validate(type, body));
        assertThat(e).as("request refused").isNotNull();
        return e;
    }

    private static void assertError(OAuthException e, String code, String member) {
        assertThat(e.error().code()).isEqualTo(code);
        assertThat(e.error().description().orElseThrow()).contains(member);
    }

    @Test
    void validateWhenRfcExampleThenConfidentialClientNeedingSecret() {
        RegistrationRequest r = validator.validate(Optional.of("application/json; charset=utf-8"), RFC7591_REQUEST);
        assertThat(r.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(r.needsSecret()).isTrue();
        assertThat(r.isConfidential()).isTrue();
        assertThat(r.grantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE);
        assertThat(r.redirectUris()).extracting(Object::toString).containsExactly(
                "https://client.example.org/callback", "https://client.example.org/callback2");
        assertThat(r.applicationType()).isEqualTo("web");
        assertThat(r.metadata().extensions()).containsKey("example_extension_parameter");
        assertThat(r.metadata().localized("client_name")).containsKey("ja-Jpan-JP");
        assertThat(r.ignoredMembers()).isEmpty();
    }

    // MCP client registration: a native client on loopback, public
    @ParameterizedTest
    @ValueSource(strings = {"\"client_name\":\"App\\u0000\"", "\"contacts\":[\"a\\u0000@example.test\"]",
        "\"x_extension\":{\"k\\u0000\":1}"})
    void validateWhenAStringHoldsNulThenInvalidClientMetadata(String member) {
        // U+0000 cannot be stored in a PostgreSQL text column: refused with 400, never a failed insert
        OAuthException e = refused("{\"redirect_uris\":[\"https://app.example.test/cb\"]," + member + "}");
        assertThat(e.error().code()).isEqualTo("invalid_client_metadata");
        assertThat(e.error().description().orElseThrow()).contains("U+0000");
    }

    @Test
    void validateWhenNativePublicClientThenAccepted() {
        RegistrationRequest r = validator.validate(JSON, """
                {"client_name":"CLI","redirect_uris":["http://127.0.0.1/cb","com.example.app:/cb"],
                 "grant_types":["authorization_code","refresh_token"],"response_types":["code"],
                 "token_endpoint_auth_method":"none","application_type":"native"}""");
        assertThat(r.isConfidential()).isFalse();
        assertThat(r.needsSecret()).isFalse();
        assertThat(r.applicationType()).isEqualTo("native");
    }

    // MCP 2026-07-28: omitting application_type means web under OIDC, which clashes with native redirect URIs
    @Test
    void validateWhenApplicationTypeMissingAndLoopbackRedirectThenNative() {
        assertThat(validator.validate(JSON, "{\"redirect_uris\":[\"http://localhost:8080/cb\"],"
                + "\"token_endpoint_auth_method\":\"none\"}").applicationType()).isEqualTo("native");
        assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],\"application_type\":\"desktop\"}"),
                "invalid_client_metadata", "application_type");
    }

    // the code grant without redirect_uris
    @Test
    void validateWhenCodeGrantWithoutRedirectUrisThenInvalidRedirectUri() {
        assertError(refused("{\"grant_types\":[\"authorization_code\"]}"), "invalid_redirect_uri", "redirect_uris");
        assertError(refused("{\"client_name\":\"x\"}"), "invalid_redirect_uri", "redirect_uris");
        assertError(refused("{\"redirect_uris\":[]}"), "invalid_redirect_uri", "redirect_uris");
    }

    @Test
    void validateWhenNoRedirectGrantThenRedirectUrisOptional() {
        RegistrationValidator cc = RegistrationValidator.create(new RegistrationRules(
                Set.of(GrantType.CLIENT_CREDENTIALS), RegistrationRules.defaults().authMethods(), 65536, 20));
        RegistrationRequest r = cc.validate(JSON, "{\"grant_types\":[\"client_credentials\"],"
                + "\"response_types\":[],\"token_endpoint_auth_method\":\"client_secret_post\"}");
        assertThat(r.redirectUris()).isEmpty();
        // OAuth 2.1 §4.2: client credentials only for confidential clients
        assertError(catchThrowableOfType(OAuthException.class, () -> cc.validate(JSON,
                "{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"none\"}")),
                "invalid_client_metadata", "grant_types");
    }

    // A-068 (a): not JSON
    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "application/jsonx", ""})
    void validateWhenNotJsonContentTypeThenInvalidRequest(String type) {
        OAuthException e = refused(type.isEmpty() ? Optional.empty() : Optional.of(type), RFC7591_REQUEST);
        assertError(e, "invalid_request", "Content-Type application/json");
        assertThat(e.error().httpStatus()).isEqualTo(400);
    }

    // A-068 (b, c, d): null, an array, duplicate members (a safe redirect URI first, then an evil one)
    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "[{\"redirect_uris\":[\"https://a.example.test/cb\"]}]", "",
        "{\"redirect_uris\":[\"https://a.example.test/cb\"],\"redirect_uris\":[\"https://evil.test/cb\"]}",
        "{\"redirect_uris\":[\"https://a.example.test/cb\"]} {}"})
    void validateWhenNotAJsonObjectWithUniqueMembersThenInvalidClientMetadata(String body) {
        assertError(refused(body), "invalid_client_metadata", "JSON object with unique members");
    }

    // A-068 (e): a 10 MB body
    @Test
    void validateWhenBodyTooLargeThen413() {
        String huge = "{\"x\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}";
        long began = System.nanoTime();
        OAuthException e = refused(huge);
        assertThat(e.error().httpStatus()).isEqualTo(413);
        assertThat(e.error().code()).isEqualTo("invalid_request");
        assertThat(System.nanoTime() - began).isLessThan(1_000_000_000L);
        // multi-byte characters count as bytes
        OAuthException wide = refused("{\"x\":\"" + "é".repeat(40_000) + "\"}");
        assertThat(wide.error().httpStatus()).isEqualTo(413);
    }

    // each bad redirect URI refused with invalid_redirect_uri, naming its position
    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.test/cb", "https://app.example.test/cb#x", "/cb",
        "https://*.example.test/cb", "myapp:/cb", "javascript:alert(1)", "data:text/html,x", "vbscript:x",
        "file:///etc/passwd", "https://u:p@app.example.test/cb", "http://127.0.0.1.evil.test/cb", "cb"})
    void validateWhenRedirectUriUnsafeThenInvalidRedirectUri(String uri) {
        OAuthException e = refused("{\"redirect_uris\":[\"https://ok.example.test/cb\",\"" + uri + "\"]}");
        assertError(e, "invalid_redirect_uri", "redirect_uris/1");
        assertThat(e.error().description().orElseThrow()).doesNotContain(uri);
        assertThat(e.error().toJson().getString("error")).isEqualTo("invalid_redirect_uri");
    }

    // A-069 controls
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/cb", "com.example.app:/cb", "http://[::1]:8080/cb",
        "https://app.example.test/cb?tenant=1"})
    void validateWhenRedirectUriAllowedThenAccepted(String uri) {
        assertThat(validator.validate(JSON, "{\"redirect_uris\":[\"" + uri + "\"],"
                + "\"token_endpoint_auth_method\":\"none\"}").redirectUris()).extracting(Object::toString)
                .containsExactly(uri);
    }

    @Test
    void validateWhenTooManyRedirectUrisThenInvalidRedirectUri() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            list.append(i == 0 ? "" : ",").append("\"https://a.example.test/cb").append(i).append('"');
        }
        assertError(refused("{\"redirect_uris\":[" + list + "]}"), "invalid_redirect_uri", "at most 20");
    }

    // jwks and jwks_uri together; jwks with private members
    @Test
    void validateWhenJwksAndJwksUriOrPrivateKeyThenInvalidClientMetadata() {
        assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],"
                + "\"jwks_uri\":\"https://a.example.test/jwks\",\"jwks\":{\"keys\":[]}}"),
                "invalid_client_metadata", "jwks");
        OAuthException d = refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],"
                + "\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks\":{\"keys\":[{\"kty\":\"EC\","
                + "\"crv\":\"P-256\",\"x\":\"a\",\"y\":\"b\",\"d\":\"secret-part\"}]}}");
        assertError(d, "invalid_client_metadata", "jwks/keys/0");
        assertThat(d.error().description().orElseThrow()).doesNotContain("secret-part");
    }

    @Test
    void validateWhenPrivateKeyJwtWithoutKeysThenInvalidClientMetadata() {
        assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],"
                + "\"token_endpoint_auth_method\":\"private_key_jwt\"}"), "invalid_client_metadata", "jwks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_secret_jwt", "tls_client_auth", "bogus"})
    void validateWhenAuthMethodUnsupportedThenInvalidClientMetadata(String method) {
        assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],"
                + "\"token_endpoint_auth_method\":\"" + method + "\"}"), "invalid_client_metadata",
                "token_endpoint_auth_method");
    }

    @Test
    void validateWhenGrantTypeUnsupportedThenInvalidClientMetadata() {
        assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],"
                + "\"grant_types\":[\"authorization_code\",\"implicit\"]}"), "invalid_client_metadata", "grant_types");
        assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],"
                + "\"grant_types\":[\"password\"]}"), "invalid_client_metadata", "grant_types");
    }

    // RFC 7591 §2.1: response_types consistent with grant_types; OAuth 2.1: code only
    @ParameterizedTest
    @ValueSource(strings = {"[\"token\"]", "[\"code\",\"token\"]", "[\"code id_token\"]"})
    void validateWhenResponseTypesInconsistentThenInvalidClientMetadata(String types) {
        assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],\"response_types\":" + types + "}"),
                "invalid_client_metadata", "response_types");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_uri", "logo_uri", "tos_uri", "policy_uri", "jwks_uri"})
    void validateWhenUrlMemberNotHttpsThenInvalidClientMetadata(String member) {
        assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],\"" + member
                + "\":\"http://a.example.test/x\"}"), "invalid_client_metadata", member);
    }

    // RFC 7591 §2, CVE-2026-22752: script-capable and local schemes are not https URLs of a page, logo or key set
    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:image/svg+xml,<svg/>", "vbscript:x", "file:///etc/passwd",
        "ftp://a.example.test/x", "//a.example.test/x"})
    void validateWhenUrlMemberHasAScriptOrLocalSchemeThenInvalidClientMetadata(String url) {
        for (String member : List.of("client_uri", "logo_uri", "tos_uri", "policy_uri", "jwks_uri")) {
            OAuthException e = refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],\"" + member + "\":\""
                    + url + "\"}");
            assertError(e, "invalid_client_metadata", member);
            assertThat(e.error().description().orElseThrow()).doesNotContain(url);
        }
    }

    // checklist RG-04, CVE-2026-22752 / CVE-2026-1180 / CVE-2021-26715: a jwks_uri or logo_uri naming a special-use
    // IP address is refused at registration (names are checked when fetched)
    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.7/jwks", "https://169.254.169.254/latest/meta-data/", "https://[::1]/k",
        "https://127.0.0.1:8443/k", "https://[fd00::1]/k", "https://2130706433/k", "https://192.168.1.1/k"})
    void validateWhenFetchedUrlNamesAPrivateAddressThenInvalidClientMetadata(String url) {
        for (String member : List.of("jwks_uri", "logo_uri")) {
            assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],"
                    + "\"token_endpoint_auth_method\":\"private_key_jwt\",\"" + member + "\":\"" + url + "\""
                    + (member.equals("jwks_uri") ? "" : ",\"jwks_uri\":\"https://a.example.test/jwks\"") + "}"),
                    "invalid_client_metadata", member);
        }
        assertThat(validator.validate(JSON, "{\"redirect_uris\":[\"https://a.example.test/cb\"],"
                + "\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks_uri\":\"https://93.184.216.34/jwks\"}")
                .metadata().jwksUri()).as("a public address").isPresent();
    }

    // INP-03 (checklist): a URL longer than the server keeps is refused, never stored truncated or failing
    @Test
    void validateWhenUrlMemberIsTooLongThenInvalidClientMetadata() {
        String longUrl = "https://a.example.test/" + "k".repeat(RegistrationValidator.MAX_URL_LENGTH);
        for (String member : List.of("client_uri", "logo_uri", "tos_uri", "policy_uri", "jwks_uri")) {
            assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],"
                    + "\"token_endpoint_auth_method\":\"private_key_jwt\",\"" + member + "\":\"" + longUrl + "\"}"),
                    "invalid_client_metadata", member);
        }
        String fits = "https://a.example.test/" + "k".repeat(RegistrationValidator.MAX_URL_LENGTH - 23);
        assertThat(validator.validate(JSON, "{\"redirect_uris\":[\"https://a.example.test/cb\"],"
                + "\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks_uri\":\"" + fits + "\"}")
                .metadata().jwksUri()).isPresent();
    }

    // RFC 7591 §2.3: a server that does not process software statements ignores them; an unverifiable one grants
    // nothing and is not stored
    @Test
    void validateWhenSoftwareStatementUnverifiableThenIgnoredAndNotKept() {
        RegistrationRequest r = validator.validate(JSON, """
                {"redirect_uris":["https://a.example.test/cb"],"token_endpoint_auth_method":"none",
                 "software_statement":"eyJhbGciOiJSUzI1NiJ9.eyJyZWRpcmVjdF91cmlzIjpbImh0dHBzOi8vZXZpbC50ZXN0L2NiIl19.c2ln"}""");
        assertThat(r.ignoredMembers()).containsExactly("software_statement");
        assertThat(r.metadata().softwareStatement()).isEmpty();
        assertThat(r.metadata().toJson().toString()).doesNotContain("software_statement").doesNotContain("evil");
        assertThat(r.redirectUris()).extracting(Object::toString).containsExactly("https://a.example.test/cb");
    }

    // RFC 7591 §2: redirect_uris is an array of strings
    @ParameterizedTest
    @ValueSource(strings = {"\"https://a.example.test/cb\"", "[5]", "null", "{}", "[[\"https://a.example.test/cb\"]]"})
    void validateWhenRedirectUrisIsNotAnArrayOfStringsThenInvalidRedirectUri(String value) {
        assertError(refused("{\"redirect_uris\":" + value + "}"), "invalid_redirect_uri", "redirect_uris");
    }

    @Test
    void validateWhenSyntaxWrongThenInvalidClientMetadataNamingMember() {
        assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],\"client_name\":5}"),
                "invalid_client_metadata", "client_name");
        assertError(refused("{\"redirect_uris\":[\"https://a.example.test/cb\"],\"scope\":\"a\\\"b\"}"),
                "invalid_client_metadata", "scope");
    }

    // A client never chooses its own credentials: issued members are dropped, and listed
    @Test
    void validateWhenServerIssuedMembersSentThenIgnored() {
        RegistrationRequest r = validator.validate(JSON, """
                {"redirect_uris":["https://a.example.test/cb"],"client_id":"chosen","client_secret":"chosen",
                 "registration_access_token":"t","client_secret_expires_at":0}""");
        assertThat(r.ignoredMembers()).containsExactly("client_id", "client_secret", "client_secret_expires_at",
                "registration_access_token");
        assertThat(r.metadata().clientId()).isEmpty();
        assertThat(r.metadata().extensions()).doesNotContainKeys("client_secret", "registration_access_token");
    }

    @Test
    void rulesWhenInvalidThenIllegalArgument() {
        RegistrationRules d = RegistrationRules.defaults();
        assertThatThrownBy(() -> new RegistrationRules(Set.of(), d.authMethods(), 65536, 20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistrationRules(d.grantTypes(), Set.of(ClientAuthMethod.CLIENT_SECRET_JWT),
                65536, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistrationRules(d.grantTypes(), d.authMethods(), 10, 20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(d.grantTypes()).containsExactlyInAnyOrderElementsOf(
                List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
    }
}
