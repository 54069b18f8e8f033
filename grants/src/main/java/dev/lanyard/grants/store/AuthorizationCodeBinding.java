package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.authz.CodeChallenge;
import dev.lanyard.spec.authz.CodeChallengeMethod;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * What an authorization code stands for: everything the authorization endpoint decided, checked again when the code
 * is redeemed.
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#OAUTH21} §4.1.2, §4.1.3; RFC 7636 §4.4; RFC 8707 §2.1.
 *
 * @param clientId            the client the code was issued to
 * @param redirectUri         the redirect URI the code was sent to (with the port a loopback request used)
 * @param codeChallenge       the PKCE challenge, when the request carried one
 * @param codeChallengeMethod its method; present exactly when the challenge is
 * @param resources           the resource indicators the user authorized, in order
 * @param scope               the scope the user authorized
 * @param subject             the user ({@code sub})
 * @param authTime            when the user authenticated, when known
 * @param nonce               the OpenID Connect {@code nonce}, when sent
 */
public record AuthorizationCodeBinding(String clientId, String redirectUri, Optional<CodeChallenge> codeChallenge,
        Optional<CodeChallengeMethod> codeChallengeMethod, List<ResourceIndicator> resources, Scope scope,
        String subject, Optional<Instant> authTime, Optional<String> nonce) {

    public AuthorizationCodeBinding {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(codeChallengeMethod, "codeChallengeMethod");
        resources = List.copyOf(resources);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(nonce, "nonce");
        if (codeChallenge.isPresent() != codeChallengeMethod.isPresent()) {
            throw new IllegalArgumentException("code_challenge and code_challenge_method go together");
        }
        if (clientId.isEmpty() || subject.isEmpty()) {
            throw new IllegalArgumentException("empty clientId or subject");
        }
    }
}
