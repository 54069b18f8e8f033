package dev.lanyard.as.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import dev.lanyard.as.AuthorizationServerSettings;
import dev.lanyard.cimd.dcr.RegistrationRules;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.store.DynamicClientRecord;
import dev.lanyard.grants.store.DynamicClientStore;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthException;

/**
 * Dynamic client registration (RFC 7591) and client configuration (RFC 7592) in the authorization server: the
 * request limits of the endpoints (attempts per source address, body size) over {@link DynamicClients}, whose
 * registrations live in the {@link DynamicClientStore} bean (memory, or the database with
 * {@code lanyard.as.store=jpa}).
 */
@ApplicationScoped
public class DynamicRegistration {

    /** The most registrations the in-memory store keeps. */
    static final int MAX_CLIENTS = 10_000;
    private static final Logger LOG = Logger.getLogger(DynamicRegistration.class.getName());
    private static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    ServerConfiguration configuration;
    @Inject
    DynamicClientStore store;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Window> attempts = new ConcurrentHashMap<>();
    private AuthorizationServerSettings settings;
    private DynamicClients clients;

    private record Window(Instant start, int count) {
    }

    /** Created by CDI. */
    public DynamicRegistration() {
        // fields are injected
    }

    @PostConstruct
    void init() {
        settings = configuration.settings();
        clients = new DynamicClients(settings.registration(), store, Scope.of(settings.scopeDescriptions().keySet()),
                id -> settings.endpoint("/register/" + id), clock);
        if (settings.registration().enabled()) {
            LOG.info(() -> "Dynamic client registration: " + settings.registration());
        }
    }

    /** Whether registration is enabled. */
    public boolean isEnabled() {
        return settings.registration().enabled();
    }

    /** Whether a client may delete its registration (RFC 7592 §2.3). */
    public boolean isDeleteEnabled() {
        return settings.registration().deleteEnabled();
    }

    /** A registered client, unless unknown or expired unused. */
    public Optional<RegisteredClient> find(String clientId) {
        return clients.find(clientId);
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
     * @param authorization the {@code Authorization} headers of the request
     * @throws RegistrationTokenRefused when registration is protected and no valid initial access token was sent in
     *                                  the {@code Authorization} header (a token elsewhere is not looked at)
     * @throws OAuthException           the RFC 7591 §3.2.2 error
     */
    public JsonObject register(List<String> authorization, Optional<String> contentType, InputStream body) {
        clients.requireInitialAccessToken(bearer(authorization));
        return clients.register(contentType, read(body));
    }

    /**
     * The registration of {@code clientId}, when the request carries its registration access token.
     *
     * @throws RegistrationTokenRefused otherwise, and when the client does not exist (RFC 7592 §2.1)
     */
    public DynamicClientRecord authorize(String clientId, List<String> authorization) {
        return clients.authorize(clientId, bearer(authorization));
    }

    /** The client information response (RFC 7592 §3). */
    public JsonObject read(DynamicClientRecord record, List<String> authorization) {
        return clients.read(record, bearer(authorization).orElseThrow());
    }

    /**
     * Updates the registration (RFC 7592 §2.2).
     *
     * @throws OAuthException {@code invalid_request} or the RFC 7591 §3.2.2 error; nothing is changed then
     */
    public JsonObject update(DynamicClientRecord record, List<String> authorization, Optional<String> contentType,
            InputStream body) {
        return clients.update(record, bearer(authorization).orElseThrow(), contentType, read(body));
    }

    /** Deletes the registration (RFC 7592 §2.3). */
    public void delete(DynamicClientRecord record) {
        clients.delete(record);
    }

    /** Records that a token was issued to {@code client} (a dynamically registered client is then in use). */
    public void issued(RegisteredClient client) {
        if (settings.registration().enabled()) {
            clients.issued(client);
        }
    }

    /** Deletes the registrations that expired unused. */
    public void purge() {
        if (settings.registration().enabled()) {
            int n = clients.purge();
            LOG.fine(() -> n + " unused client registrations expired");
        }
    }

    // RFC 6750 §2.1: the token in the Authorization header only; any other credential is no token
    private static Optional<String> bearer(List<String> authorization) {
        if (authorization == null || authorization.size() != 1) {
            return authorization == null || authorization.isEmpty() ? Optional.empty() : Optional.of("");
        }
        String value = authorization.get(0).strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(""); // a credential, but not a Bearer token: refused as invalid
        }
        return Optional.of(value.substring(7).strip());
    }

    private static String read(InputStream body) {
        try {
            // one byte over the limit is enough for the validator to answer 413
            return new String(body.readNBytes(RegistrationRules.defaults().maxBodyBytes() + 1),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
