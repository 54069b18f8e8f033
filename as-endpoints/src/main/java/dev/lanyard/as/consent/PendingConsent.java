package dev.lanyard.as.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.lanyard.spec.authz.AuthorizationRequest;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * An authorization request waiting for the user's answer on the consent page. The page carries {@link #id()} and
 * {@link #csrfToken()}; the answer must come from the same user, once, before {@link #expiresAt()}.
 *
 * @param id          an unguessable handle (256 random bits), the key in the store
 * @param csrfToken   another unguessable value, compared in constant time with the one the form returns
 * @param subject     the user the page was shown to
 * @param request     the validated authorization request
 * @param redirectUri the validated redirect URI
 * @param scope       the scope the user is asked for
 * @param resources   the resources the tokens will be for
 * @param expiresAt   when the page stops being answerable
 */
public record PendingConsent(String id, String csrfToken, String subject, AuthorizationRequest request,
        String redirectUri, Scope scope, List<ResourceIndicator> resources, Instant expiresAt) {

    public PendingConsent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scope, "scope");
        resources = List.copyOf(resources);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether {@code presented} is this page's CSRF token, compared in constant time. */
    public boolean csrfMatches(String presented) {
        return MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The handles are not shown. */
    @Override
    public String toString() {
        return "PendingConsent[subject=" + subject + ", clientId=" + request.clientId() + ", scope=" + scope
                + ", expiresAt=" + expiresAt + "]";
    }
}
