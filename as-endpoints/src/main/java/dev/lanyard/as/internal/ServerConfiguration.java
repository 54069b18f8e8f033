package dev.lanyard.as.internal;

import java.util.Optional;

import javax.net.ssl.SSLContext;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.lanyard.as.AuthorizationServerSettings;

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

    /** Created by CDI. */
    public ServerConfiguration() {
        // fields are injected
    }

    @PostConstruct
    void init() {
        settings = SettingsReader.read(config);
        cimdTrust = CimdReader.testTrust(config);
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
