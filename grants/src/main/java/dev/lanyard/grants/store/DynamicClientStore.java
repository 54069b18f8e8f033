package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Dynamically registered clients (RFC 7591, RFC 7592): kept across restarts and shared by the nodes of a cluster when
 * the store is a database. Secrets and registration access tokens are kept hashed only.
 *
 * <p>Unused registrations (no token ever issued) are what an open registration endpoint accumulates: the store finds
 * them by fingerprint (to bound identical ones) and deletes those older than a cut-off.
 */
public interface DynamicClientStore {

    /**
     * Keeps a registration, replacing the one of the same {@code client_id} (an RFC 7592 update).
     *
     * @throws StoreCapacityException when a bounded store is full
     */
    void save(DynamicClientRecord registration);

    /** The registration of {@code clientId}. */
    Optional<DynamicClientRecord> find(String clientId);

    /**
     * Deletes the registration of {@code clientId}.
     *
     * @return whether there was one
     */
    boolean delete(String clientId);

    /**
     * Records the first token issued to {@code clientId} at {@code at}; a later call changes nothing (one conditional
     * update).
     *
     * @return whether this call recorded it
     */
    boolean markUsed(String clientId, Instant at);

    /** The unused registrations with this fingerprint, oldest first. */
    List<DynamicClientRecord> findUnused(String fingerprint);

    /**
     * Deletes the registrations never used and registered before {@code issuedBefore}.
     *
     * @return how many were deleted
     */
    int purgeUnused(Instant issuedBefore);
}
