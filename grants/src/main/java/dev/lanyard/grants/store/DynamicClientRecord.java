package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.ClientSource;
import dev.lanyard.grants.client.RegisteredClient;

/**
 * A dynamically registered client (RFC 7591) as the store keeps it: the client, the metadata it registered, and what
 * its configuration endpoint (RFC 7592) and the clean-up of unused registrations need. Holds no secret and no token,
 * only their stored forms ({@link ClientSecrets#hash}).
 *
 * @param client                the client the token endpoint works with ({@link ClientSource#DCR})
 * @param metadata              the registered client metadata as a JSON object, without any credential; what the
 *                              configuration endpoint shows
 * @param registrationTokenHash the stored form of the registration access token (RFC 7592 §1.3)
 * @param fingerprint           the software and metadata fingerprint that bounds identical unused registrations
 * @param issuedAt              when the client was registered ({@code client_id_issued_at})
 * @param firstTokenAt          when a token was first issued to it; empty while the registration is unused
 */
public record DynamicClientRecord(RegisteredClient client, String metadata, String registrationTokenHash,
        String fingerprint, Instant issuedAt, Optional<Instant> firstTokenAt) {

    public DynamicClientRecord {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(registrationTokenHash, "registrationTokenHash");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(firstTokenAt, "firstTokenAt");
        if (client.source() != ClientSource.DCR) {
            throw new IllegalArgumentException("a dynamic client record holds a DCR client");
        }
        if (!ClientSecrets.isStoredForm(registrationTokenHash)) {
            throw new IllegalArgumentException("registrationTokenHash is not a stored form of ClientSecrets");
        }
    }

    /** The client's {@code client_id}. */
    public String clientId() {
        return client.clientId();
    }

    /** Whether a token was ever issued to the client. */
    public boolean isUsed() {
        return firstTokenAt.isPresent();
    }

    /** This record with the client and metadata replaced (an RFC 7592 update), the rest kept. */
    public DynamicClientRecord withClient(RegisteredClient updated, String updatedMetadata, String updatedFingerprint) {
        if (!updated.clientId().equals(client.clientId())) {
            throw new IllegalArgumentException("an update keeps the client_id");
        }
        return new DynamicClientRecord(updated, updatedMetadata, registrationTokenHash, updatedFingerprint, issuedAt,
                firstTokenAt);
    }

    /**
     * This record with another registration access token (RFC 7592 §1.3), the rest kept: to rotate the token, or to
     * revoke it by a stored form whose token nobody holds.
     *
     * @param updatedTokenHash the stored form ({@link ClientSecrets#hash}) of the new token
     */
    public DynamicClientRecord withRegistrationTokenHash(String updatedTokenHash) {
        return new DynamicClientRecord(client, metadata, updatedTokenHash, fingerprint, issuedAt, firstTokenAt);
    }

    /** {@code DynamicClientRecord[<client_id>]}: never the token hash. */
    @Override
    public String toString() {
        return "DynamicClientRecord[" + client.clientId() + (isUsed() ? ", used" : ", unused") + "]";
    }
}
