package dev.lanyard.rs.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.token.AccessTokenValidator;
import dev.lanyard.spec.bearer.BearerChallenge;
import dev.lanyard.spec.bearer.BearerChallengeBuilder;
import dev.lanyard.spec.bearer.BearerToken;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;

/**
 * The decision both filters share: which credentials a request carries, whether the token is valid for this
 * resource, whether its scope suffices, and, when not, the exact status and {@code WWW-Authenticate} value.
 */
public final class BearerGate {

    private static final SpecRef RFC6750_SINGLE_METHOD = SpecRef.rfc(6750, "2");

    private final AccessTokenValidator validator;
    private final URI resourceMetadata;

    /**
     * @param validator        the token validator
     * @param resourceMetadata the URL of this resource's protected resource metadata (RFC 9728 §5.1)
     */
    public BearerGate(AccessTokenValidator validator, URI resourceMetadata) {
        this.validator = validator;
        this.resourceMetadata = resourceMetadata;
    }

    /** What the gate decided. */
    public sealed interface Outcome permits Allowed, Denied {
    }

    /** @param caller the validated caller */
    public record Allowed(AccessTokenPrincipal caller) implements Outcome {
    }

    /**
     * @param status          401, 403 or 400
     * @param wwwAuthenticate the challenge
     * @param body            the JSON error body, absent when the request carried no credentials (RFC 6750 §3)
     */
    public record Denied(int status, String wwwAuthenticate, Optional<JsonObject> body) implements Outcome {
    }

    /**
     * Decides a request.
     *
     * @param authorizationHeaders every {@code Authorization} header value of the request
     * @param tokenInBody          whether the body carries {@code access_token} (form-encoded POST)
     * @param required             the scope the operation needs
     */
    public Outcome check(List<String> authorizationHeaders, boolean tokenInBody, Scope required) {
        try {
            if (authorizationHeaders.size() > 1 || (tokenInBody && !authorizationHeaders.isEmpty())) {
                // RFC 6750 §2, OAuth 2.1 §5.1: clients MUST NOT use more than one method to transmit the token
                throw OAuthException.invalidRequest("More than one access token in the request",
                        RFC6750_SINGLE_METHOD);
            }
            Optional<String> token = authorizationHeaders.isEmpty() ? Optional.empty()
                    : BearerToken.fromAuthorizationHeader(authorizationHeaders.get(0));
            if (token.isEmpty()) {
                // RFC 6750 §3: no authentication information -> no error attribute
                return new Denied(401, challenge(required).build().toHeaderValue(), Optional.empty());
            }
            AccessTokenPrincipal caller = validator.validate(token.get());
            validator.requireScope(caller, required);
            return new Allowed(caller);
        } catch (OAuthException e) {
            OAuthError error = e.error();
            BearerChallengeBuilder c = challenge(error.is(OAuthError.INSUFFICIENT_SCOPE) ? required : Scope.of())
                    .error(error);
            error.description().ifPresent(c::errorDescription);
            return new Denied(error.httpStatus(), c.build().toHeaderValue(), Optional.of(error.toJson()));
        }
    }

    private BearerChallengeBuilder challenge(Scope scope) {
        BearerChallengeBuilder b = BearerChallenge.builder()
                .realm(validator.settings().realm())
                .resourceMetadata(resourceMetadata);
        if (!scope.isEmpty()) {
            // MCP 2026-07-28: the challenge names every scope the operation needs
            b.scope(scope);
        }
        return b;
    }
}
