package dev.lanyard.rs.internal;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.rs.RsConfigKeys;
import dev.lanyard.rs.ScopeHierarchy;
import dev.lanyard.spec.core.Scope;

/**
 * Reads {@link ResourceServerSettings} from MicroProfile Config. Every problem is collected, and start-up fails
 * with one message naming each key at fault.
 */
public final class SettingsReader {

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(Config config) {
        this.config = config;
    }

    /**
     * @throws IllegalStateException naming every misconfigured key
     */
    public static ResourceServerSettings read(Config config) {
        return new SettingsReader(config).read();
    }

    private ResourceServerSettings read() {
        String resource = string(RsConfigKeys.RESOURCE).orElse(null);
        if (resource == null) {
            problems.add(RsConfigKeys.RESOURCE + " is required (this resource's identifier, an https URL)");
        } else {
            absolute(RsConfigKeys.RESOURCE, resource);
        }
        List<String> servers = list(RsConfigKeys.AUTHORIZATION_SERVERS);
        if (servers.isEmpty()) {
            problems.add(RsConfigKeys.AUTHORIZATION_SERVERS + " is required (issuers of trusted authorization servers)");
        }
        servers.forEach(s -> absolute(RsConfigKeys.AUTHORIZATION_SERVERS, s));
        List<String> scopes = list(RsConfigKeys.SCOPES_SUPPORTED);
        scopes.stream().filter(s -> !Scope.isScopeToken(s))
                .forEach(s -> problems.add(RsConfigKeys.SCOPES_SUPPORTED + " holds a malformed scope"));
        ScopeHierarchy hierarchy = ScopeHierarchy.flat();
        try {
            hierarchy = ScopeHierarchy.parse(list(RsConfigKeys.SCOPE_HIERARCHY));
        } catch (IllegalArgumentException e) {
            problems.add(RsConfigKeys.SCOPE_HIERARCHY + ": " + e.getMessage());
        }
        Scope required = Scope.of();
        try {
            required = Scope.of(list(RsConfigKeys.REQUIRED_SCOPES));
        } catch (IllegalArgumentException e) {
            problems.add(RsConfigKeys.REQUIRED_SCOPES + " holds a malformed scope");
        }
        List<String> algs = list(RsConfigKeys.ALGORITHMS);
        Duration leeway = duration(RsConfigKeys.LEEWAY, Duration.ofSeconds(60));
        Duration cooldown = duration(RsConfigKeys.JWKS_REFETCH_COOLDOWN, Duration.ofSeconds(60));
        Optional<URI> jwks = string(RsConfigKeys.JWKS_URI).map(v -> absolute(RsConfigKeys.JWKS_URI, v));
        Optional<URI> docs = string(RsConfigKeys.RESOURCE_DOCUMENTATION)
                .map(v -> absolute(RsConfigKeys.RESOURCE_DOCUMENTATION, v));
        int cacheSize = integer(RsConfigKeys.CACHE_SIZE, 10_000);
        int maxLength = integer(RsConfigKeys.MAX_TOKEN_LENGTH, 8192);
        boolean loopback = config.getOptionalValue(RsConfigKeys.ALLOW_LOOPBACK, Boolean.class).orElse(false);
        Optional<ResourceServerSettings.Introspection> introspection = introspection();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Lanyard resource server configuration: " + String.join("; ", problems));
        }
        try {
            return new ResourceServerSettings(resource, servers, scopes, string(RsConfigKeys.RESOURCE_NAME), docs,
                    hierarchy, required, string(RsConfigKeys.REALM).orElse(resource),
                    algs.isEmpty() ? ResourceServerSettings.DEFAULT_ALGORITHMS : new LinkedHashSet<>(algs), leeway,
                    jwks, cooldown, cacheSize, maxLength, loopback, introspection);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Lanyard resource server configuration: " + e.getMessage(), e);
        }
    }

    private Optional<ResourceServerSettings.Introspection> introspection() {
        Optional<URI> endpoint = string(RsConfigKeys.INTROSPECTION_ENDPOINT)
                .map(v -> absolute(RsConfigKeys.INTROSPECTION_ENDPOINT, v));
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> id = string(RsConfigKeys.INTROSPECTION_CLIENT_ID);
        Optional<String> secret = string(RsConfigKeys.INTROSPECTION_CLIENT_SECRET);
        if (id.isEmpty() || secret.isEmpty()) {
            problems.add(RsConfigKeys.INTROSPECTION_ENDPOINT + " needs " + RsConfigKeys.INTROSPECTION_CLIENT_ID + " and "
                    + RsConfigKeys.INTROSPECTION_CLIENT_SECRET + " (RFC 7662 §2.1: the caller is authorized)");
            return Optional.empty();
        }
        return endpoint.map(e -> new ResourceServerSettings.Introspection(e, id.get(), secret.get()));
    }

    private Optional<String> string(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    private List<String> list(String key) {
        return string(key).map(v -> List.of(v.split(","))).orElse(List.of()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private URI absolute(String key, String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getRawFragment() != null) {
                problems.add(key + " must be an absolute URL without a fragment");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            problems.add(key + " is not a URL");
            return null;
        }
    }

    private Duration duration(String key, Duration fallback) {
        try {
            return string(key).map(Duration::parse).orElse(fallback);
        } catch (DateTimeParseException e) {
            problems.add(key + " is not an ISO-8601 duration (for example PT60S)");
            return fallback;
        }
    }

    private int integer(String key, int fallback) {
        try {
            return string(key).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            problems.add(key + " is not an integer");
            return fallback;
        }
    }
}
