package dev.lanyard.cimd.dcr;

import java.util.List;
import java.util.Set;

import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;

/**
 * What a dynamic registration may ask for at this server.
 *
 * @param grantTypes    the grant types a client may register ({@code lanyard.as.registration.grant-types}, default
 *                      {@code authorization_code,refresh_token})
 * @param authMethods   the token endpoint authentication methods a client may register
 *                      ({@code lanyard.as.registration.token-endpoint-auth-methods}, default
 *                      {@code none,client_secret_basic,client_secret_post,private_key_jwt}; {@code client_secret_jwt}
 *                      never, since secrets are kept only as hashes)
 * @param maxBodyBytes  the largest request body read ({@code lanyard.as.registration.max-bytes}, default 65536);
 *                      larger ones are refused with HTTP 413
 * @param maxRedirectUris the most redirect URIs one client registers (default 20)
 */
public record RegistrationRules(Set<GrantType> grantTypes, Set<ClientAuthMethod> authMethods, int maxBodyBytes,
        int maxRedirectUris) {

    public RegistrationRules {
        grantTypes = Set.copyOf(grantTypes);
        authMethods = Set.copyOf(authMethods);
        if (grantTypes.isEmpty() || authMethods.isEmpty()) {
            throw new IllegalArgumentException("registration needs at least one grant type and one auth method");
        }
        if (authMethods.contains(ClientAuthMethod.CLIENT_SECRET_JWT)) {
            throw new IllegalArgumentException("client_secret_jwt needs the secret in clear text, which is never kept");
        }
        if (maxBodyBytes < 1024 || maxRedirectUris < 1) {
            throw new IllegalArgumentException("need maxBodyBytes >= 1024 and maxRedirectUris >= 1");
        }
    }

    /** Authorization code and refresh token; none, client_secret_basic, client_secret_post, private_key_jwt; 64 KB. */
    public static RegistrationRules defaults() {
        return new RegistrationRules(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                Set.copyOf(List.of(ClientAuthMethod.NONE, ClientAuthMethod.CLIENT_SECRET_BASIC,
                        ClientAuthMethod.CLIENT_SECRET_POST, ClientAuthMethod.PRIVATE_KEY_JWT)), 64 * 1024, 20);
    }
}
