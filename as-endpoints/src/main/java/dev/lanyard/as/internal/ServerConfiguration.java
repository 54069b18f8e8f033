package dev.lanyard.as.internal;

import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.lanyard.as.AsConfigKeys;
import dev.lanyard.as.AuthorizationServerSettings;
import dev.lanyard.discovery.publish.CorsPolicy;

/**
 * The settings of this deployment, read once from MicroProfile Config; a mistake fails start-up with a message naming
 * every key at fault. Also makes {@link AuthorizationServerSettings} injectable.
 */
@ApplicationScoped
public class ServerConfiguration {

    @Inject
    Config config;

    private AuthorizationServerSettings settings;
    private Optional<SSLContext> cimdTrust;
    private CorsPolicy cors;

    /** Created by CDI. */
    public ServerConfiguration() {
        // fields are injected
    }

    @PostConstruct
    void init() {
        settings = SettingsReader.read(config);
        cimdTrust = CimdReader.testTrust(config);
        cors = cors(config);
    }

    /** The origins allowed at the back channel ({@code lanyard.as.cors.allowed-origins}); default none. */
    public CorsPolicy cors() {
        return cors;
    }

    static CorsPolicy cors(Config config) {
        try {
            return CorsPolicy.of(config.getOptionalValue(AsConfigKeys.CORS_ALLOWED_ORIGINS, String[].class)
                    .map(List::of).orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Lanyard authorization server configuration: "
                    + AsConfigKeys.CORS_ALLOWED_ORIGINS + ": " + e.getMessage(), e);
        }
    }

    /** The settings. */
    public AuthorizationServerSettings settings() {
        return settings;
    }

    /** The trust store of CIMD fetches in tests ({@code lanyard.as.cimd.testing.trust-store}), if any. */
    public Optional<SSLContext> cimdTestTrust() {
        return cimdTrust;
    }

    /** The settings, for injection into application beans. */
    @Produces
    @Dependent
    AuthorizationServerSettings produce() {
        return settings;
    }
}
