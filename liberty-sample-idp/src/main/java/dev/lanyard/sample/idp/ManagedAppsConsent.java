package dev.lanyard.sample.idp;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import dev.lanyard.as.consent.ConsentPolicy;
import dev.lanyard.as.consent.ConsentRequest;
import dev.lanyard.grants.store.Consent;

/**
 * The enterprise IdP's consent policy: every client is registered by the enterprise's administrators (there is no
 * dynamic registration or CIMD here), who decided for the employees, so single sign-on to those apps asks nothing.
 * Cross App Access then involves no consent page at all (ID-JAG §1: the IdP applies the enterprise's policy).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class ManagedAppsConsent implements ConsentPolicy {

    @Override
    public boolean mustAsk(ConsentRequest request, Optional<Consent> stored) {
        return false;
    }
}
