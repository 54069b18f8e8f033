package dev.lanyard.spec.bearer;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;

/**
 * Builds a {@link BearerChallenge}; {@link #build()} checks every value. Not thread-safe.
 *
 * <pre>
 * BearerChallenge.builder().realm("mcp").error(OAuthError.INVALID_TOKEN.withDescription("The access token expired"))
 *         .resourceMetadata(prmUrl).build().toHeaderValue()
 * </pre>
 */
public final class BearerChallengeBuilder {

    private Optional<String> realm = Optional.empty();
    private Optional<String> error = Optional.empty();
    private Optional<String> errorDescription = Optional.empty();
    private Optional<URI> errorUri = Optional.empty();
    private Optional<Scope> scope = Optional.empty();
    private Optional<URI> resourceMetadata = Optional.empty();
    private final Map<String, String> otherParams = new LinkedHashMap<>();

    BearerChallengeBuilder() {
    }

    /** Sets {@code realm}. */
    public BearerChallengeBuilder realm(String value) {
        realm = Optional.of(value);
        return this;
    }

    /** Sets {@code error}, and {@code error_description} and {@code error_uri} when the error carries them. */
    public BearerChallengeBuilder error(OAuthError value) {
        error = Optional.of(value.code());
        value.description().ifPresent(this::errorDescription);
        value.uri().ifPresent(this::errorUri);
        return this;
    }

    /** Sets {@code error} to a code. */
    public BearerChallengeBuilder error(String code) {
        error = Optional.of(code);
        return this;
    }

    /** Sets {@code error_description}. */
    public BearerChallengeBuilder errorDescription(String value) {
        errorDescription = Optional.of(value);
        return this;
    }

    /** Sets {@code error_uri}. */
    public BearerChallengeBuilder errorUri(URI value) {
        errorUri = Optional.of(value);
        return this;
    }

    /** Sets {@code scope}; an empty scope leaves it absent. */
    public BearerChallengeBuilder scope(Scope value) {
        scope = value.isEmpty() ? Optional.empty() : Optional.of(value);
        return this;
    }

    /** Sets {@code resource_metadata} (RFC 9728 §5.1). */
    public BearerChallengeBuilder resourceMetadata(URI value) {
        resourceMetadata = Optional.of(value);
        return this;
    }

    /** Adds another auth-param, such as {@code max_age} (RFC 9470). */
    public BearerChallengeBuilder param(String name, String value) {
        otherParams.put(name, value);
        return this;
    }

    /**
     * The challenge.
     *
     * @throws IllegalArgumentException when a value breaks the rules listed on {@link BearerChallenge}
     */
    public BearerChallenge build() {
        return new BearerChallenge(realm, error, errorDescription, errorUri, scope, resourceMetadata, otherParams);
    }
}
