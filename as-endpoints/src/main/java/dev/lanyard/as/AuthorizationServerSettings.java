package dev.lanyard.as;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.cimd.CimdSettings;
import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.grant.TokenExchangeSettings;
import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * The authorization server's settings, read from MicroProfile Config ({@link AsConfigKeys}) at start-up.
 *
 * @param grants              issuer, lifetimes and resources, as the grants module reads them
 * @param offeredScopes       per resource, the scopes it offers; an empty scope offers every scope of
 *                            {@code scopeDescriptions} (any scope when that is empty too)
 * @param scopeDescriptions   scope to description, for the consent page, in configuration order
 * @param consentTtl          how long a consent page stays answerable
 * @param signing             how generated signing keys are made and rotated
 * @param signingJwks         configured private signing keys instead of generated ones; a secret, never shown
 * @param store               where state is kept
 * @param clients             the pre-registered clients
 * @param openIdConfiguration whether the metadata is also served at the OpenID configuration URL
 * @param allowLoopback       whether the outbound fetcher may reach loopback addresses (development only)
 * @param cimd                how {@code client_id} URLs are resolved as Client ID Metadata Documents
 * @param crossAppAccess      the OpenID Provider and ID-JAG roles
 * @param registration        dynamic client registration
 * @param tokenExchange       the delegation token exchange for access tokens, when enabled
 * @param dpopWindow          how far a DPoP proof's {@code iat} may be from now (ID-JAG grants)
 */
public record AuthorizationServerSettings(GrantSettings grants, Map<ResourceIndicator, Scope> offeredScopes,
        Map<String, String> scopeDescriptions, Duration consentTtl, SigningKeyPolicy signing,
        Optional<String> signingJwks, StoreKind store, List<RegisteredClient> clients, boolean openIdConfiguration,
        boolean allowLoopback, CimdSettings cimd, CrossAppAccessSettings crossAppAccess,
        RegistrationSettings registration, Optional<TokenExchangeSettings> tokenExchange, Duration dpopWindow) {

    /** Where the authorization server keeps its state. */
    public enum StoreKind {
        /** Bounded in-memory stores: one node, lost on restart. */
        MEMORY,
        /** JPA stores on the application's container-managed persistence context. */
        JPA
    }

    public AuthorizationServerSettings {
        Objects.requireNonNull(grants, "grants");
        offeredScopes = Collections.unmodifiableMap(new LinkedHashMap<>(offeredScopes));
        scopeDescriptions = Collections.unmodifiableMap(new LinkedHashMap<>(scopeDescriptions));
        Objects.requireNonNull(consentTtl, "consentTtl");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(signingJwks, "signingJwks");
        Objects.requireNonNull(store, "store");
        clients = List.copyOf(clients);
        Objects.requireNonNull(cimd, "cimd");
        Objects.requireNonNull(crossAppAccess, "crossAppAccess");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(tokenExchange, "tokenExchange");
        if (!dpopWindow.isPositive()) {
            throw new IllegalArgumentException("dpopWindow is positive");
        }
        if (!consentTtl.isPositive()) {
            throw new IllegalArgumentException("consentTtl is positive");
        }
    }

    /** The issuer identifier. */
    public String issuer() {
        return grants.issuer();
    }

    /** The URL of an endpoint under the issuer, for example {@code endpoint("/token")}. */
    public URI endpoint(String path) {
        String issuer = grants.issuer();
        return URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + path);
    }

    /**
     * The scopes {@code resource} offers: its configured scopes, else every described scope; empty when any scope
     * goes.
     */
    public Scope scopesOf(ResourceIndicator resource) {
        Scope own = offeredScopes.getOrDefault(resource, Scope.of());
        return own.isEmpty() ? Scope.of(scopeDescriptions.keySet()) : own;
    }

    /** The signing keys are not shown. */
    @Override
    public String toString() {
        return "AuthorizationServerSettings[issuer=" + issuer() + ", resources=" + grants.resources()
                + ", defaultResource=" + grants.defaultResource() + ", scopes=" + scopeDescriptions.keySet()
                + ", accessTokenTtl=" + grants.accessTokenTtl() + ", codeTtl=" + grants.codeTtl() + ", signing="
                + (signingJwks.isPresent() ? "configured keys" : signing) + ", store=" + store + ", clients="
                + clients.stream().map(RegisteredClient::clientId).toList() + ", cimd=" + cimd.enabled() + ", idp="
                + crossAppAccess.idp() + ", idJagIssuer=" + crossAppAccess.idJagIssuer() + ", idJagRedeemer="
                + crossAppAccess.idJagRedeemer() + ", registration=" + registration.enabled() + ", tokenExchange="
                + tokenExchange.isPresent() + "]";
    }
}
