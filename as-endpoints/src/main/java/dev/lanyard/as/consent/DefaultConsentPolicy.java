package dev.lanyard.as.consent;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lanyard.grants.store.Consent;

/**
 * Asks unless the user already consented to this client for at least this scope and these resources, and the
 * client's identity is assured by its redirect URI: a remembered consent is reused only for {@code https} redirect
 * URIs. Loopback and private-use scheme redirect URIs belong to native apps, which anyone can impersonate, so they
 * are always asked (OAuth 2.1 §7.9; RFC 9700 §4.11.2; the checklist's AZ-21). {@code prompt=consent} always asks.
 */
@ApplicationScoped
public class DefaultConsentPolicy implements ConsentPolicy {

    /** Created by CDI. */
    public DefaultConsentPolicy() {
        // stateless
    }

    @Override
    public boolean mustAsk(ConsentRequest request, Optional<Consent> stored) {
        if (request.prompts("consent")) {
            return true;
        }
        // loopback (http) and private-use scheme redirect URIs: a native app, treated as never approved before
        boolean nativeApp = !request.redirectUri().toLowerCase(Locale.ROOT).startsWith("https://");
        return nativeApp || stored.filter(c -> c.covers(request.scope(), request.resources())).isEmpty();
    }
}
