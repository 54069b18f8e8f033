package dev.lanyard.as.consent;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.lanyard.as.internal.AuthorizationServer;
import dev.lanyard.grants.store.Consent;

/**
 * The users' standing consents, for application code (an account page, a logout handler). The consent page records
 * them; {@link #withdraw} ends one. Users can also withdraw through the server's own page,
 * {@code /authorize/consent/withdraw?client_id=...}.
 */
@ApplicationScoped
public class UserConsents {

    @Inject
    AuthorizationServer server;

    /** Created by CDI. */
    public UserConsents() {
        // fields are injected
    }

    /** The consent of {@code subject} to {@code clientId}, if any. */
    public Optional<Consent> find(String subject, String clientId) {
        return server.consents().find(subject, clientId);
    }

    /**
     * Withdraws the consent of {@code subject} to {@code clientId} and revokes every refresh token of that user and
     * client: the grant stops working at its next refresh (OAuth 2.1 §4.3.1).
     *
     * @return whether there was a consent
     */
    public boolean withdraw(String subject, String clientId) {
        return server.withdrawal().withdraw(subject, clientId);
    }
}
