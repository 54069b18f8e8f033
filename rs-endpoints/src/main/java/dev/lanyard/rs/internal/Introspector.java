package dev.lanyard.rs.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.rs.token.FormPost;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.token.IntrospectionResponse;

/**
 * Validates an opaque access token by asking the authorization server (RFC 7662 §2). The answer must say
 * {@code active}, name this resource in {@code aud} (RFC 8707 §2: tokens meant for another resource are refused),
 * come from a trusted issuer when it names one, and not be expired. Failing to reach the endpoint fails closed.
 */
final class Introspector {

    private static final Logger LOG = Logger.getLogger(Introspector.class.getName());
    private static final SpecRef RFC7662_RESPONSE = SpecRef.rfc(7662, "2.2");

    private final ResourceServerSettings settings;
    private final ResourceServerSettings.Introspection config;
    private final FormPost post;

    Introspector(ResourceServerSettings settings, ResourceServerSettings.Introspection config, FormPost post) {
        this.settings = settings;
        this.config = config;
        this.post = post;
    }

    AccessTokenPrincipal introspect(String token, Instant now) {
        if (token.length() > settings.maxTokenLength()) {
            throw invalid("The access token is too large");
        }
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&token_type_hint=access_token";
        IntrospectionResponse answer;
        try {
            answer = IntrospectionResponse.parse(post.post(config.endpoint(), form, Optional.of(basic())))
                    .orElseThrow();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Token introspection at " + config.endpoint() + " failed: " + e.getMessage());
            throw invalid("The access token could not be verified");
        }
        // RFC 7662 §2.2: active is the only member that says whether the token may be used
        if (!answer.active()) {
            throw invalid("The access token is not active");
        }
        // RFC 8707 §2 / MCP: the token must be meant for this resource
        if (!answer.aud().contains(settings.resource())) {
            throw invalid("The access token is not meant for this resource");
        }
        if (answer.iss().isPresent() && !settings.authorizationServers().contains(answer.iss().get())) {
            throw invalid("The access token was not issued by a trusted authorization server");
        }
        Instant exp = answer.exp().orElseThrow(() -> invalid("The access token has no expiry"));
        if (!exp.plus(settings.leeway()).isAfter(now)) {
            throw invalid("The access token expired");
        }
        String clientId = answer.clientId().orElse("");
        return new AccessTokenPrincipal(answer.sub().or(answer::clientId)
                .orElseThrow(() -> invalid("The access token names no subject")), clientId,
                answer.scope().orElse(Scope.of()), answer.iss().orElse(settings.authorizationServers().get(0)),
                answer.aud(), exp, answer.jti(), answer.toJson());
    }

    // RFC 6749 §2.3.1: client_id and secret are form-urlencoded, then joined for HTTP Basic
    private String basic() {
        String pair = URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(config.clientSecret(), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static OAuthException invalid(String description) {
        return OAuthException.of(OAuthError.INVALID_TOKEN, description, RFC7662_RESPONSE);
    }
}
