package dev.lanyard.spec.token;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * The authorization code grant's token request (RFC 6749 §4.1.3, RFC 7636 §4.5, OAuth 2.1 §4.1.3).
 *
 * <p>Whether {@code code_verifier} must be present depends on the authorization request that issued the code, so it
 * is OPTIONAL here and its absence or presence is judged by the grant handler (missing verifier for a code with a
 * challenge: {@code invalid_grant}; verifier for a code without one: {@code invalid_request}). Its syntax is checked
 * here.
 *
 * @param code         {@code code}, REQUIRED; at most {@link TokenRequest#MAX_CODE_LENGTH} VSCHAR characters
 * @param redirectUri  {@code redirect_uri}, REQUIRED if it was in the authorization request (RFC 6749); kept as the
 *                     exact string sent, for exact comparison
 * @param codeVerifier {@code code_verifier}, REQUIRED if the authorization request had a {@code code_challenge}
 *                     (RFC 7636 §4.5); 43-128 unreserved characters
 * @param clientId     {@code client_id}, REQUIRED if the client does not authenticate (RFC 6749 §4.1.3)
 * @param resources    {@code resource} values (RFC 8707 §2.2), in order; empty if none
 */
public record AuthorizationCodeGrant(String code, Optional<String> redirectUri, Optional<String> codeVerifier,
        Optional<String> clientId, List<ResourceIndicator> resources) implements TokenRequest {

    public AuthorizationCodeGrant {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(clientId, "clientId");
        resources = List.copyOf(resources);
        GrantParameters.checkVschars("code", Optional.of(code), MAX_CODE_LENGTH);
        redirectUri.ifPresent(u -> GrantParameters.checkToken("redirectUri", u, GrantParameters.MAX_URI_LENGTH));
        if (codeVerifier.isPresent() && !VerifierSyntax.isValid(codeVerifier.get())) {
            throw new IllegalArgumentException("codeVerifier must be 43-128 unreserved characters (RFC 7636 §4.1)");
        }
        GrantParameters.checkVschars("clientId", clientId, GrantParameters.MAX_CLIENT_ID_LENGTH);
    }

    static AuthorizationCodeGrant parse(FormParameters p) {
        String code = GrantParameters.vschars("code",
                GrantParameters.require(p, "code", MAX_CODE_LENGTH, Specs.OAUTH21_CODE_TOKEN_REQUEST));
        Optional<String> redirectUri = p.get("redirect_uri", GrantParameters.MAX_URI_LENGTH);
        Optional<String> codeVerifier = p.get("code_verifier");
        if (codeVerifier.isPresent() && !VerifierSyntax.isValid(codeVerifier.get())) {
            // RFC 7636 §4.1: code-verifier = 43*128unreserved
            throw OAuthException.invalidRequest("Parameter code_verifier is malformed", Specs.RFC7636_VERIFIER);
        }
        Optional<String> clientId = p.get("client_id", GrantParameters.MAX_CLIENT_ID_LENGTH)
                .map(id -> GrantParameters.vschars("client_id", id));
        return new AuthorizationCodeGrant(code, redirectUri, codeVerifier, clientId, GrantParameters.resources(p));
    }

    @Override
    public GrantType grantType() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public FormParameters toForm() {
        return FormParameters.builder()
                .add("grant_type", grantType().value())
                .add("code", code)
                .add("redirect_uri", redirectUri)
                .add("code_verifier", codeVerifier)
                .add("client_id", clientId)
                .addAll("resource", resources)
                .build();
    }

    /** The code and verifier are not shown. */
    @Override
    public String toString() {
        return "AuthorizationCodeGrant[redirectUri=" + redirectUri + ", clientId=" + clientId
                + ", resources=" + resources + "]";
    }
}
