package dev.lanyard.as.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import dev.lanyard.as.AuthorizationServerSettings;
import dev.lanyard.grants.client.ClientRegistry;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

/**
 * Withdrawing a user's consent to a client: the consent is deleted and every refresh token of the user and client
 * revoked, so the grant stops working at the next refresh (OAuth 2.1 §4.3.1; A-044). The page asks first; its form
 * carries a CSRF token bound to the user and the client.
 */
public final class ConsentWithdrawal {

    private static final String PURPOSE = "withdraw-consent";
    private static final Duration PAGE_TTL = Duration.ofMinutes(10);

    private final AuthorizationServerSettings settings;
    private final ClientRegistry clients;
    private final ConsentStore consents;
    private final RefreshTokenStore refreshTokens;
    private final HtmlPages pages;
    private final Clock clock;
    private final CsrfTokens csrf = new CsrfTokens();

    ConsentWithdrawal(AuthorizationServerSettings settings, ClientRegistry clients, ConsentStore consents,
            RefreshTokenStore refreshTokens, HtmlPages pages, Clock clock) {
        this.settings = settings;
        this.clients = clients;
        this.consents = consents;
        this.refreshTokens = refreshTokens;
        this.pages = pages;
        this.clock = clock;
    }

    /** Withdraws the consent of {@code subject} to {@code clientId} and revokes its refresh tokens. */
    public boolean withdraw(String subject, String clientId) {
        boolean had = consents.withdraw(subject, clientId);
        refreshTokens.revokeAll(subject, clientId);
        return had;
    }

    /**
     * The confirmation page.
     *
     * @throws OAuthException a page, for an unknown client
     */
    public Response page(FormParameters query, String subject) {
        RegisteredClient client = client(query.require("client_id", AuthorizationFlow.CONSENT));
        String token = csrf.issue(PURPOSE, subject, client.clientId(), clock.instant().plus(PAGE_TTL));
        return Pages.page(200, pages.withdrawConfirm(client.clientName().orElse(client.clientId()), client.clientId(),
                settings.endpoint("/authorize/consent/withdraw").getRawPath(), token));
    }

    /**
     * The confirmed withdrawal.
     *
     * @throws OAuthException a page, when the user is not signed in or the form was not the page's
     */
    public Response confirm(FormParameters form, Optional<String> caller) {
        String clientId = form.require("client_id", AuthorizationFlow.CONSENT);
        String token = form.require("csrf", AuthorizationFlow.CONSENT);
        if (caller.isEmpty() || !csrf.verify(token, PURPOSE, caller.get(), clientId, clock.instant())) {
            throw OAuthException.invalidRequest("The withdrawal form is not valid; reload the page",
                    AuthorizationFlow.CONSENT);
        }
        withdraw(caller.get(), clientId);
        return Pages.page(200, pages.message("Access withdrawn",
                "The application no longer has the access you gave it."));
    }

    private RegisteredClient client(String clientId) {
        return clients.find(clientId).orElseThrow(() -> OAuthException.of(OAuthError.INVALID_CLIENT,
                "Unknown client", AuthorizationFlow.CONSENT));
    }
}
