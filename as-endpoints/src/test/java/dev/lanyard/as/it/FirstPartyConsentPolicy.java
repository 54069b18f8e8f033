package dev.lanyard.as.it;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import dev.lanyard.as.consent.ConsentPolicy;
import dev.lanyard.as.consent.ConsentRequest;
import dev.lanyard.grants.store.Consent;

/**
 * An application's own consent policy, replacing the default by CDI: the first-party client {@code pub2} is never
 * asked; every other request is.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class FirstPartyConsentPolicy implements ConsentPolicy {

    @Override
    public boolean mustAsk(ConsentRequest request, Optional<Consent> stored) {
        return !request.client().clientId().equals("pub2");
    }
}
