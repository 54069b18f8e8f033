package dev.lanyard.spec.metadata;

import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.internal.json.ClientRegistrationResponseCodec;
import dev.lanyard.spec.internal.json.UriRule;

/**
 * The client information response of dynamic client registration (RFC 7591 §3.2.1), with the management members
 * of RFC 7592 §3: the credentials issued plus every metadata value as registered.
 *
 * <p>Specifications: RFC 7591 §3.2.1; RFC 7592 §3. {@link #toString()} never shows the client secret or the
 * registration access token.
 *
 * @param clientId                REQUIRED; the client identifier issued
 * @param clientSecret            OPTIONAL; the client secret issued
 * @param clientIdIssuedAt        OPTIONAL; when the client identifier was issued (whole seconds)
 * @param clientSecretExpiresAt   REQUIRED if a secret is issued; {@link Instant#EPOCH} (0 on the wire) means the
 *                                secret does not expire
 * @param registrationAccessToken OPTIONAL (RFC 7592); the token for the client configuration endpoint
 * @param registrationClientUri   OPTIONAL (RFC 7592); the client configuration endpoint
 * @param metadata                the registered metadata; carries neither {@code client_id} nor any member above
 */
public record ClientRegistrationResponse(String clientId, Optional<String> clientSecret,
        Optional<Instant> clientIdIssuedAt, Optional<Instant> clientSecretExpiresAt,
        Optional<String> registrationAccessToken, Optional<URI> registrationClientUri, ClientMetadata metadata) {

    public ClientRegistrationResponse {
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isEmpty()) {
            throw new IllegalArgumentException("empty client_id");
        }
        Objects.requireNonNull(clientSecret, "clientSecret");
        clientIdIssuedAt.ifPresent(ClientRegistrationResponse::requireWholeSeconds);
        clientSecretExpiresAt.ifPresent(ClientRegistrationResponse::requireWholeSeconds);
        // RFC 7591 §3.2.1: client_secret_expires_at is REQUIRED if client_secret is issued
        if (clientSecret.isPresent() && clientSecretExpiresAt.isEmpty()) {
            throw new IllegalArgumentException("client_secret_expires_at is REQUIRED with a client_secret");
        }
        Objects.requireNonNull(registrationAccessToken, "registrationAccessToken");
        registrationClientUri.ifPresent(u -> UriRule.ENDPOINT.require(u.toString(), "registration_client_uri"));
        Objects.requireNonNull(metadata, "metadata");
        if (metadata.clientId().isPresent() || metadata.extensions().keySet().stream()
                .anyMatch(ClientRegistrationResponseCodec.MEMBERS::contains)) {
            throw new IllegalArgumentException("the metadata repeats a member of the response");
        }
    }

    private static void requireWholeSeconds(Instant t) {
        if (t.getNano() != 0 || t.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("times are whole seconds since 1970-01-01T00:00:00Z");
        }
    }

    /** Reads a registration response body; never throws on bad input. */
    public static Parsed<ClientRegistrationResponse> parse(JsonObject json) {
        return ClientRegistrationResponseCodec.read(json);
    }

    /** Reads a registration response from JSON text (strictly: duplicate members are refused); never throws. */
    public static Parsed<ClientRegistrationResponse> parse(String json) {
        return StrictJson.parseObject(json).flatMap(ClientRegistrationResponse::parse);
    }

    /** The response body: the members above, then the metadata. */
    public JsonObject toJson() {
        return ClientRegistrationResponseCodec.write(this);
    }

    /** Whether the secret has expired at {@code now}; false when there is no secret or it never expires. */
    public boolean isSecretExpired(Instant now) {
        return clientSecretExpiresAt.filter(t -> !t.equals(Instant.EPOCH)).map(t -> !now.isBefore(t)).orElse(false);
    }

    /** Like the generated form, with the client secret and the registration access token hidden. */
    @Override
    public String toString() {
        return "ClientRegistrationResponse[clientId=" + clientId
                + ", clientSecret=" + clientSecret.map(s -> "<redacted>").orElse("<none>")
                + ", clientIdIssuedAt=" + clientIdIssuedAt
                + ", clientSecretExpiresAt=" + clientSecretExpiresAt
                + ", registrationAccessToken=" + registrationAccessToken.map(s -> "<redacted>").orElse("<none>")
                + ", registrationClientUri=" + registrationClientUri
                + ", metadata=" + metadata + "]";
    }
}
