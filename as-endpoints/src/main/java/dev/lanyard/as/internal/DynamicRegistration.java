package dev.lanyard.as.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import dev.lanyard.as.AuthorizationServerSettings;
import dev.lanyard.cimd.dcr.RegistrationRequest;
import dev.lanyard.cimd.dcr.RegistrationRules;
import dev.lanyard.cimd.dcr.RegistrationValidator;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.ClientSource;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.client.RegisteredClientBuilder;
import dev.lanyard.grants.store.StoreCapacityException;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;

/**
 * Dynamic client registration (RFC 7591): requests checked by cimd's {@link RegistrationValidator}, clients kept in
 * memory (bounded; lost on restart), attempts limited per source address. The client chooses none of its credentials:
 * the server issues {@code client_id}, and a secret only for a {@code client_secret_*} method (kept as a hash).
 */
@ApplicationScoped
public class DynamicRegistration {

    static final int MAX_CLIENTS = 10_000;
    private static final SpecRef REGISTRATION = SpecRef.rfc(7591, "3.2.1");
    private static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    ServerConfiguration configuration;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Window> attempts = new ConcurrentHashMap<>();
    private final RegistrationValidator validator = RegistrationValidator.create();
    private AuthorizationServerSettings settings;

    private record Window(Instant start, int count) {
    }

    /** Created by CDI. */
    public DynamicRegistration() {
        // fields are injected
    }

    @PostConstruct
    void init() {
        settings = configuration.settings();
    }

    /** Whether registration is enabled. */
    public boolean isEnabled() {
        return settings.registration().enabled();
    }

    /** A registered client. */
    public Optional<RegisteredClient> find(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    /**
     * Whether {@code address} may make another attempt now (fixed one-minute windows).
     */
    public boolean allow(String address) {
        Instant now = clock.instant();
        if (attempts.size() > MAX_CLIENTS) {
            attempts.entrySet().removeIf(e -> !now.isBefore(e.getValue().start().plus(WINDOW)));
        }
        Window w = attempts.compute(address == null ? "" : address, (k, old) ->
                old == null || !now.isBefore(old.start().plus(WINDOW)) ? new Window(now, 1)
                        : new Window(old.start(), old.count() + 1));
        return w.count() <= settings.registration().perMinute();
    }

    /**
     * Registers the client of a request: the RFC 7591 §3.2.1 response.
     *
     * @throws OAuthException the RFC 7591 §3.2.2 error
     */
    public JsonObject register(Optional<String> contentType, InputStream body) {
        String text;
        try {
            // one byte over the limit is enough for the validator to answer 413
            text = new String(body.readNBytes(RegistrationRules.defaults().maxBodyBytes() + 1),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RegistrationRequest request = validator.validate(contentType, text);
        if (clients.size() >= MAX_CLIENTS) {
            throw new StoreCapacityException("registered clients");
        }
        String clientId = Randoms.token();
        Optional<String> secret = request.needsSecret() ? Optional.of(Randoms.token()) : Optional.empty();
        RegisteredClient client = client(clientId, request, secret);
        clients.put(clientId, client);
        Instant now = clock.instant();
        JsonObjectBuilder b = Json.createObjectBuilder(request.metadata().toJson())
                .add("client_id", clientId)
                .add("client_id_issued_at", now.getEpochSecond())
                .add("token_endpoint_auth_method", request.authMethod().value());
        secret.ifPresent(s -> b.add("client_secret", s).add("client_secret_expires_at", 0));
        return b.build();
    }

    private RegisteredClient client(String clientId, RegistrationRequest r, Optional<String> secret) {
        RegisteredClientBuilder b = RegisteredClient.builder(clientId).source(ClientSource.DCR)
                .redirectUris(r.redirectUris().stream().map(u -> u.value()).toArray(String[]::new))
                .grantTypes(r.grantTypes().toArray(GrantType[]::new))
                .scope(r.metadata().scope().orElse(Scope.of(settings.scopeDescriptions().keySet())));
        r.metadata().clientName().ifPresent(b::clientName);
        r.metadata().tokenEndpointAuthSigningAlg().ifPresent(b::signingAlg);
        ClientAuthMethod method = r.authMethod();
        if (method.equals(ClientAuthMethod.NONE)) {
            b.publicClient();
        } else if (secret.isPresent()) {
            b.secret(method, ClientSecrets.hash(secret.get()));
        } else if (r.metadata().jwks().isPresent()) {
            b.privateKeyJwt(r.metadata().jwks().get().toString());
        } else if (r.metadata().jwksUri().isPresent()) {
            b.privateKeyJwt(r.metadata().jwksUri().get());
        } else {
            throw OAuthException.of(OAuthError.INVALID_CLIENT_METADATA, "private_key_jwt needs jwks or jwks_uri",
                    REGISTRATION);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw OAuthException.of(OAuthError.INVALID_CLIENT_METADATA, "the client metadata is not consistent",
                    REGISTRATION);
        }
    }
}
