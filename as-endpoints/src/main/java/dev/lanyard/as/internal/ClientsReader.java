package dev.lanyard.as.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import dev.lanyard.as.AsConfigKeys;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.client.RegisteredClientBuilder;
import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.Violations;

/**
 * Reads the pre-registered clients: {@code lanyard.as.clients} and {@code lanyard.as.client.<id>.<property>}. A secret
 * is never put in a message.
 */
final class ClientsReader {

    private static final Logger LOG = Logger.getLogger(ClientsReader.class.getName());
    private static final List<GrantType> DEFAULT_GRANTS = List.of(GrantType.AUTHORIZATION_CODE,
            GrantType.REFRESH_TOKEN);

    private final ConfigReads in;
    private final Scope describedScopes;

    ClientsReader(ConfigReads in, Scope describedScopes) {
        this.in = in;
        this.describedScopes = describedScopes;
    }

    List<RegisteredClient> read() {
        List<RegisteredClient> clients = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : in.list(AsConfigKeys.CLIENTS)) {
            if (!seen.add(id)) {
                in.problem(AsConfigKeys.CLIENTS + " names " + id + " twice");
                continue;
            }
            read(id).ifPresent(clients::add);
        }
        return clients;
    }

    private Optional<RegisteredClient> read(String id) {
        int before = in.problems().size();
        RegisteredClientBuilder b = RegisteredClient.builder(id);
        for (String uri : in.list(key(id, AsConfigKeys.CLIENT_REDIRECT_URIS))) {
            Violations v = RedirectUri.validateForRegistration(uri);
            if (v.isEmpty()) {
                b.redirectUris(uri);
            } else {
                in.problem(key(id, AsConfigKeys.CLIENT_REDIRECT_URIS) + " holds a redirect URI that "
                        + v.items().get(0).message());
            }
        }
        List<String> grants = in.list(key(id, AsConfigKeys.CLIENT_GRANT_TYPES));
        b.grantTypes((grants.isEmpty() ? DEFAULT_GRANTS : grants.stream().map(GrantType::new).toList())
                .toArray(GrantType[]::new));
        try {
            b.scope(in.string(key(id, AsConfigKeys.CLIENT_SCOPES)).map(s -> Scope.of(s.split("\\s+")))
                    .orElse(describedScopes));
        } catch (IllegalArgumentException e) {
            in.problem(key(id, AsConfigKeys.CLIENT_SCOPES) + " holds a malformed scope token (space-separated)");
        }
        in.string(key(id, AsConfigKeys.CLIENT_NAME)).ifPresent(b::clientName);
        in.string(key(id, AsConfigKeys.CLIENT_SIGNING_ALG)).ifPresent(b::signingAlg);
        authentication(id, b);
        if (in.problems().size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
            in.problem(AsConfigKeys.CLIENT_PREFIX + id + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private void authentication(String id, RegisteredClientBuilder b) {
        Optional<String> hash = in.string(key(id, AsConfigKeys.CLIENT_SECRET_HASH));
        Optional<String> secret = in.string(key(id, AsConfigKeys.CLIENT_SECRET));
        Optional<String> jwks = in.string(key(id, AsConfigKeys.CLIENT_JWKS));
        Optional<String> jwksUri = in.string(key(id, AsConfigKeys.CLIENT_JWKS_URI));
        boolean keys = jwks.isPresent() || jwksUri.isPresent();
        ClientAuthMethod method = in.string(key(id, AsConfigKeys.CLIENT_AUTH_METHOD)).map(ClientAuthMethod::new)
                .orElse(hash.isPresent() || secret.isPresent() ? ClientAuthMethod.CLIENT_SECRET_BASIC
                        : keys ? ClientAuthMethod.PRIVATE_KEY_JWT : ClientAuthMethod.NONE);
        if (hash.isPresent() && secret.isPresent()) {
            in.problem(key(id, AsConfigKeys.CLIENT_SECRET) + " and " + AsConfigKeys.CLIENT_SECRET_HASH
                    + " are exclusive");
            return;
        }
        if (method.equals(ClientAuthMethod.NONE)) {
            b.publicClient();
        } else if (method.isSymmetric()) {
            storedSecret(id, hash, secret).ifPresent(h -> b.secret(method, h));
        } else if (method.equals(ClientAuthMethod.PRIVATE_KEY_JWT)) {
            if (!keys) {
                in.problem(key(id, AsConfigKeys.CLIENT_JWKS) + " or " + AsConfigKeys.CLIENT_JWKS_URI
                        + " is required for private_key_jwt");
            }
            jwks.ifPresent(b::privateKeyJwt);
            jwksUri.flatMap(u -> uri(key(id, AsConfigKeys.CLIENT_JWKS_URI), u)).ifPresent(b::privateKeyJwt);
        } else {
            in.problem(key(id, AsConfigKeys.CLIENT_AUTH_METHOD)
                    + " must be none, client_secret_basic, client_secret_post or private_key_jwt");
        }
        if (!method.isSymmetric() && (hash.isPresent() || secret.isPresent())) {
            in.problem(key(id, hash.isPresent() ? AsConfigKeys.CLIENT_SECRET_HASH : AsConfigKeys.CLIENT_SECRET)
                    + " is set but the method is " + method);
        }
    }

    private Optional<String> storedSecret(String id, Optional<String> hash, Optional<String> secret) {
        if (hash.isPresent()) {
            if (!ClientSecrets.isStoredForm(hash.get())) {
                in.problem(key(id, AsConfigKeys.CLIENT_SECRET_HASH) + " is not sha256:<43 base64url characters>");
                return Optional.empty();
            }
            return hash;
        }
        if (secret.isEmpty()) {
            in.problem(key(id, AsConfigKeys.CLIENT_SECRET_HASH) + " is required for a client_secret_* method");
            return Optional.empty();
        }
        if (secret.get().length() < ClientSecrets.MIN_LENGTH) {
            in.problem(key(id, AsConfigKeys.CLIENT_SECRET) + " must have at least " + ClientSecrets.MIN_LENGTH
                    + " characters");
            return Optional.empty();
        }
        LOG.warning(() -> key(id, AsConfigKeys.CLIENT_SECRET) + " holds a plain secret: development only. Configure "
                + key(id, AsConfigKeys.CLIENT_SECRET_HASH) + " with its stored form (ClientSecrets.hash) instead.");
        return Optional.of(ClientSecrets.hash(secret.get()));
    }

    private Optional<URI> uri(String key, String value) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute()) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        in.problem(key + " must be an absolute URL");
        return Optional.empty();
    }

    private static String key(String id, String property) {
        return AsConfigKeys.client(id, property);
    }
}
