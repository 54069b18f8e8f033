package dev.lanyard.grants.store;

import java.util.Optional;

/**
 * Users' consents to clients. A refresh token stops working once the consent behind it is withdrawn
 * ({@value dev.lanyard.spec.ref.Specs#OAUTH21} §4.3.1: the grant must still be active).
 */
public interface ConsentStore {

    /** Keeps a consent, replacing the previous one of the same user and client. */
    void save(Consent consent);

    /** The consent of {@code subject} to {@code clientId}. */
    Optional<Consent> find(String subject, String clientId);

    /**
     * Withdraws the consent of {@code subject} to {@code clientId}.
     *
     * @return whether there was one
     */
    boolean withdraw(String subject, String clientId);
}
