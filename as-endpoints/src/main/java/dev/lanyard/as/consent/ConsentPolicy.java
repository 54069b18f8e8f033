package dev.lanyard.as.consent;

import java.util.Optional;

import dev.lanyard.grants.store.Consent;

/**
 * Decides whether the user must be asked before a client gets what it requested. The default,
 * {@link DefaultConsentPolicy}, is a CDI bean; replace it with an {@code @Alternative @Priority(...)} bean of this
 * type (for example one that never asks for first-party clients).
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#OAUTH21} §7.9 (consent phishing); RFC 9700 §4.11.2.
 */
@FunctionalInterface
public interface ConsentPolicy {

    /**
     * Whether to show the consent page.
     *
     * @param request what the client asks
     * @param stored  the user's standing consent to this client, when there is one
     * @return {@code true} to ask the user; {@code false} to issue the code at once
     */
    boolean mustAsk(ConsentRequest request, Optional<Consent> stored);
}
