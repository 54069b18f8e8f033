package dev.lanyard.spec.internal.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.metadata.ClientMetadata;
import dev.lanyard.spec.metadata.ClientRegistrationResponse;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/** Reads and writes {@link ClientRegistrationResponse} (RFC 7591 §3.2.1, RFC 7592 §3). Internal. */
public final class ClientRegistrationResponseCodec {

    /** The members of the response itself; every other member is client metadata. */
    public static final Set<String> MEMBERS = Set.of("client_id", "client_secret", "client_id_issued_at",
            "client_secret_expires_at", "registration_access_token", "registration_client_uri");

    private static final SpecRef R = Specs.RFC7591_CLIENT_INFORMATION;
    private static final SpecRef RFC7592 = SpecRef.rfc(7592, "3");

    private ClientRegistrationResponseCodec() {
    }

    /** Reads a response body, collecting every violation (its own and its metadata's). */
    public static Parsed<ClientRegistrationResponse> read(JsonObject o) {
        Violations.Collector v = Violations.collector();
        // RFC 7591 §3.2.1: client_id REQUIRED
        String clientId = JsonReads.requiredString(o, "client_id", v, R);
        Optional<String> secret = JsonReads.string(o, "client_secret", v, R);
        if (secret.isPresent() && secret.get().isEmpty()) {
            v.add("/client_secret", "must not be empty", R);
        }
        Optional<Instant> issuedAt = time(o, "client_id_issued_at", v);
        Optional<Instant> expiresAt = time(o, "client_secret_expires_at", v);
        if (o.containsKey("client_secret") && !o.containsKey("client_secret_expires_at")) {
            // RFC 7591 §3.2.1: client_secret_expires_at is REQUIRED if client_secret is issued
            v.add("/client_secret_expires_at", "is REQUIRED when client_secret is issued", R);
        }
        Optional<String> token = JsonReads.string(o, "registration_access_token", v, RFC7592);
        Optional<URI> configurationUri = MetadataReads.uri(o, "registration_client_uri", UriRule.ENDPOINT, v,
                RFC7592);
        JsonObjectBuilder rest = JsonP.createObjectBuilder(o);
        MEMBERS.forEach(rest::remove);
        Parsed<ClientMetadata> metadata = ClientMetadataCodec.read(rest.build());
        v.addAll("", metadata.violations());
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new ClientRegistrationResponse(clientId, secret, issuedAt, expiresAt, token,
                configurationUri, metadata.orElseThrow()));
    }

    private static Optional<Instant> time(JsonObject o, String name, Violations.Collector v) {
        // RFC 7591 §3.2.1: the number of seconds from 1970-01-01T00:00:00Z
        Optional<Long> seconds = JsonReads.integer(o, name, v, R);
        if (seconds.isPresent() && (seconds.get() < 0 || seconds.get() > Instant.MAX.getEpochSecond())) {
            v.add("/" + name, "must be a number of seconds since 1970-01-01T00:00:00Z", R);
            return Optional.empty();
        }
        return seconds.map(Instant::ofEpochSecond);
    }

    /** Writes the response: its own members, then the metadata's. */
    public static JsonObject write(ClientRegistrationResponse r) {
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("client_id", r.clientId());
        JsonWrites.put(b, "client_secret", r.clientSecret());
        JsonWrites.put(b, "client_id_issued_at", r.clientIdIssuedAt().map(Instant::getEpochSecond));
        JsonWrites.put(b, "client_secret_expires_at", r.clientSecretExpiresAt().map(Instant::getEpochSecond));
        JsonWrites.put(b, "registration_access_token", r.registrationAccessToken());
        JsonWrites.put(b, "registration_client_uri", r.registrationClientUri());
        ClientMetadataCodec.write(r.metadata()).forEach(b::add);
        return b.build();
    }
}
