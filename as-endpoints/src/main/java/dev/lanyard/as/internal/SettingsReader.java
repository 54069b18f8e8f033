package dev.lanyard.as.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import dev.lanyard.as.AsConfigKeys;
import dev.lanyard.as.AuthorizationServerSettings;
import dev.lanyard.as.AuthorizationServerSettings.StoreKind;
import dev.lanyard.as.CrossAppAccessSettings;
import dev.lanyard.as.RegistrationSettings;
import dev.lanyard.cimd.CimdSettings;
import dev.lanyard.discovery.publish.AuthorizationServerMetadataFactory;
import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.dpop.DpopProofVerifier;
import dev.lanyard.grants.grant.TokenExchangeSettings;
import dev.lanyard.grants.keys.SigningAlgorithm;
import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.token.TokenRequest;

/**
 * Reads {@link AuthorizationServerSettings} from MicroProfile Config. Every problem is collected, and start-up fails
 * with one message naming each key at fault. No value of a secret key is ever put in a message.
 */
public final class SettingsReader {

    /** The longest code lifetime accepted (OAuth 2.1 §4.1.2: a maximum of 10 minutes is RECOMMENDED). */
    static final Duration MAX_CODE_TTL = Duration.ofMinutes(10);

    private final ConfigReads in;

    private SettingsReader(Config config) {
        this.in = new ConfigReads(config);
    }

    /**
     * The settings.
     *
     * @throws IllegalStateException naming every misconfigured key
     */
    public static AuthorizationServerSettings read(Config config) {
        return new SettingsReader(config).read();
    }

    private AuthorizationServerSettings read() {
        String issuer = issuer();
        Map<String, String> descriptions = scopes();
        Map<ResourceIndicator, Scope> resources = resources();
        Optional<ResourceIndicator> fallback = defaultResource(resources);
        Duration accessTtl = in.duration(AsConfigKeys.ACCESS_TOKEN_TTL, Duration.ofMinutes(5));
        Duration codeTtl = in.duration(AsConfigKeys.CODE_TTL, Duration.ofSeconds(60));
        if (codeTtl.compareTo(MAX_CODE_TTL) > 0) {
            in.problem(AsConfigKeys.CODE_TTL + " must be at most PT10M (OAuth 2.1 §4.1.2)");
        }
        Duration refreshIdle = in.duration(AsConfigKeys.REFRESH_TOKEN_TTL, Duration.ofDays(1));
        Duration refreshMax = in.duration(AsConfigKeys.REFRESH_TOKEN_MAX_TTL, Duration.ofDays(30));
        if (refreshIdle.compareTo(refreshMax) > 0) {
            in.problem(AsConfigKeys.REFRESH_TOKEN_TTL + " must not exceed " + AsConfigKeys.REFRESH_TOKEN_MAX_TTL);
        }
        Duration skew = in.duration(AsConfigKeys.CLOCK_SKEW, Duration.ofSeconds(60));
        Duration consentTtl = in.duration(AsConfigKeys.CONSENT_TTL, Duration.ofMinutes(10));
        SigningKeyPolicy signing = signing(accessTtl);
        StoreKind store = store();
        boolean openId = in.bool(AsConfigKeys.OPENID_CONFIGURATION, false);
        boolean loopback = in.bool(AsConfigKeys.ALLOW_LOOPBACK, false);
        List<RegisteredClient> clients = new ClientsReader(in, Scope.of(descriptions.keySet())).read();
        CimdSettings cimd = new CimdReader(in).read();
        CrossAppAccessSettings xaa = new CrossAppAccessReader(in).read();
        RegistrationSettings registration = registration();
        Optional<TokenExchangeSettings> exchange = tokenExchange(clients, resources);
        Duration dpopWindow = in.duration(AsConfigKeys.DPOP_IAT_WINDOW, DpopProofVerifier.DEFAULT_WINDOW);
        if (!in.problems().isEmpty()) {
            throw new IllegalStateException("Lanyard authorization server configuration: "
                    + String.join("; ", in.problems()));
        }
        GrantSettings grants = new GrantSettings(issuer, accessTtl, codeTtl, refreshIdle, refreshMax, skew,
                GrantSettings.defaults(issuer).assertionMaxLifetime(), new ArrayList<>(resources.keySet()), fallback);
        return new AuthorizationServerSettings(grants, resources, descriptions, consentTtl, signing,
                in.string(AsConfigKeys.SIGNING_JWKS), store, clients, openId, loopback, cimd, xaa, registration,
                exchange, dpopWindow);
    }

    // RFC 8693: which clients may exchange access tokens, for which targets (each a configured resource)
    private Optional<TokenExchangeSettings> tokenExchange(List<RegisteredClient> clients,
            Map<ResourceIndicator, Scope> resources) {
        boolean enabled = in.bool(AsConfigKeys.TOKEN_EXCHANGE_ENABLED, false);
        long cap = in.positive(AsConfigKeys.TOKEN_EXCHANGE_MAX_SUBJECT_TOKEN_LENGTH, 4096);
        if (cap > TokenRequest.MAX_ASSERTION_LENGTH) {
            // the token request parser refuses longer tokens anyway
            in.problem(AsConfigKeys.TOKEN_EXCHANGE_MAX_SUBJECT_TOKEN_LENGTH + " must be at most "
                    + TokenRequest.MAX_ASSERTION_LENGTH);
        }
        TokenExchangeSettings settings = TokenExchangeSettings.defaults()
                .withMaxSubjectTokenLength((int) Math.min(cap, TokenRequest.MAX_ASSERTION_LENGTH));
        for (RegisteredClient client : clients) {
            String key = AsConfigKeys.client(client.clientId(), AsConfigKeys.CLIENT_TOKEN_EXCHANGE_TARGETS);
            List<String> targets = in.list(key);
            if (targets.isEmpty()) {
                continue;
            }
            if (!targets.stream().allMatch(t -> resources.keySet().stream().anyMatch(r -> r.value().equals(t)))) {
                in.problem(key + " holds a target that is not one of " + AsConfigKeys.RESOURCES);
            }
            if (!client.allows(GrantType.TOKEN_EXCHANGE)) {
                in.problem(key + " needs " + GrantType.TOKEN_EXCHANGE.value() + " in the client's "
                        + AsConfigKeys.CLIENT_GRANT_TYPES);
            }
            settings = settings.permit(client.clientId(), targets);
        }
        if (enabled && settings.permittedTargets().isEmpty()) {
            in.problem(AsConfigKeys.TOKEN_EXCHANGE_ENABLED + " needs a client with "
                    + AsConfigKeys.client("<id>", AsConfigKeys.CLIENT_TOKEN_EXCHANGE_TARGETS)
                    + " (no client may exchange otherwise)");
        }
        return enabled ? Optional.of(settings) : Optional.empty();
    }

    private RegistrationSettings registration() {
        long perMinute = in.positive(AsConfigKeys.REGISTRATION_RATE_LIMIT, 10);
        List<String> tokens = in.list(AsConfigKeys.REGISTRATION_INITIAL_ACCESS_TOKENS);
        if (!tokens.stream().allMatch(ClientSecrets::isStoredForm)) {
            // never quote the value: it may be a token pasted by mistake
            in.problem(AsConfigKeys.REGISTRATION_INITIAL_ACCESS_TOKENS
                    + " lists the stored forms sha256:<base64url> of the tokens, not the tokens");
            tokens = List.of();
        }
        long maxUnused = in.positive(AsConfigKeys.REGISTRATION_MAX_UNUSED_PER_SOFTWARE,
                RegistrationSettings.DEFAULT_MAX_UNUSED_PER_SOFTWARE);
        return new RegistrationSettings(in.bool(AsConfigKeys.REGISTRATION_ENABLED, false),
                (int) Math.min(perMinute, 1_000_000), tokens,
                in.duration(AsConfigKeys.REGISTRATION_UNUSED_TTL, RegistrationSettings.DEFAULT_UNUSED_TTL),
                (int) Math.min(maxUnused, 1_000), in.bool(AsConfigKeys.REGISTRATION_DELETE_ENABLED, true));
    }

    private String issuer() {
        Optional<String> issuer = in.string(AsConfigKeys.ISSUER);
        if (issuer.isEmpty()) {
            in.problem(AsConfigKeys.ISSUER + " is required (the issuer identifier, an https URL)");
            return "https://issuer.invalid";
        }
        try {
            // RFC 8414 §2: https, no query, no fragment; plain http only on a loopback host
            AuthorizationServerMetadataFactory.forIssuer(issuer.get());
            if (issuer.get().contains("?") || issuer.get().endsWith("/")) {
                in.problem(AsConfigKeys.ISSUER + " must have no query and no trailing slash (RFC 8414 §2)");
            }
        } catch (IllegalArgumentException e) {
            in.problem(AsConfigKeys.ISSUER + ": " + e.getMessage());
        }
        return issuer.get();
    }

    private Map<String, String> scopes() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (String item : in.list(AsConfigKeys.SCOPES)) {
            int eq = item.indexOf('=');
            String scope = (eq < 0 ? item : item.substring(0, eq)).strip();
            String description = eq < 0 ? scope : item.substring(eq + 1).strip();
            if (!Scope.isScopeToken(scope)) {
                in.problem(AsConfigKeys.SCOPES + " holds a malformed scope token (RFC 6749 §3.3)");
            } else {
                descriptions.put(scope, description.isEmpty() ? scope : description);
            }
        }
        return descriptions;
    }

    private Map<ResourceIndicator, Scope> resources() {
        Map<ResourceIndicator, Scope> resources = new LinkedHashMap<>();
        List<String> items = in.list(AsConfigKeys.RESOURCES);
        if (items.isEmpty()) {
            in.problem(AsConfigKeys.RESOURCES + " is required (the resources tokens are issued for, RFC 8707)");
        }
        for (String item : items) {
            String[] parts = item.split("\\s+");
            try {
                ResourceIndicator resource = new ResourceIndicator(parts[0]);
                Scope offered = Scope.of(List.of(parts).subList(1, parts.length));
                resources.put(resource, offered);
            } catch (IllegalArgumentException e) {
                in.problem(AsConfigKeys.RESOURCES + " holds an item that is not \"<absolute URI> [scope ...]\"");
            }
        }
        return resources;
    }

    private Optional<ResourceIndicator> defaultResource(Map<ResourceIndicator, Scope> resources) {
        Optional<String> value = in.string(AsConfigKeys.DEFAULT_RESOURCE);
        if (value.isEmpty()) {
            return resources.size() == 1 ? Optional.of(resources.keySet().iterator().next()) : Optional.empty();
        }
        Optional<ResourceIndicator> found = resources.keySet().stream()
                .filter(r -> r.value().equals(value.get())).findFirst();
        if (found.isEmpty()) {
            in.problem(AsConfigKeys.DEFAULT_RESOURCE + " must be one of " + AsConfigKeys.RESOURCES);
        }
        return found;
    }

    private SigningKeyPolicy signing(Duration accessTtl) {
        SigningKeyPolicy defaults = SigningKeyPolicy.defaults();
        SigningAlgorithm algorithm = defaults.algorithm();
        Optional<String> alg = in.string(AsConfigKeys.SIGNING_ALGORITHM);
        if (alg.isPresent()) {
            Optional<SigningAlgorithm> known = List.of(SigningAlgorithm.values()).stream()
                    .filter(a -> a.jwsName().equals(alg.get())).findFirst();
            if (known.isEmpty()) {
                in.problem(AsConfigKeys.SIGNING_ALGORITHM + " must be one of ES256, RS256, PS256, EdDSA");
            }
            algorithm = known.orElse(algorithm);
        }
        Optional<Duration> rotation = defaults.rotationPeriod();
        boolean never = in.string(AsConfigKeys.SIGNING_ROTATION).map(v -> v.equalsIgnoreCase("none")).orElse(false);
        if (never) {
            rotation = Optional.empty();
        } else {
            rotation = Optional.of(in.duration(AsConfigKeys.SIGNING_ROTATION, rotation.orElseThrow()));
        }
        Duration ahead = in.duration(AsConfigKeys.SIGNING_PUBLISH_AHEAD, defaults.publishAhead());
        Duration retention = in.duration(AsConfigKeys.SIGNING_RETIRED_RETENTION, defaults.retiredRetention());
        if (retention.compareTo(accessTtl) < 0) {
            in.problem(AsConfigKeys.SIGNING_RETIRED_RETENTION + " must be at least " + AsConfigKeys.ACCESS_TOKEN_TTL
                    + ", or tokens outlive their key");
        }
        if (rotation.isPresent() && rotation.get().compareTo(ahead) <= 0) {
            in.problem(AsConfigKeys.SIGNING_PUBLISH_AHEAD + " must be shorter than " + AsConfigKeys.SIGNING_ROTATION);
            return defaults.withAlgorithm(algorithm);
        }
        return new SigningKeyPolicy(algorithm, rotation, ahead, retention);
    }

    private StoreKind store() {
        String value = in.string(AsConfigKeys.STORE).orElse("memory");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "memory" -> StoreKind.MEMORY;
            case "jpa" -> StoreKind.JPA;
            default -> {
                in.problem(AsConfigKeys.STORE + " must be memory or jpa");
                yield StoreKind.MEMORY;
            }
        };
    }
}
