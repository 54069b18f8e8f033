package dev.lanyard.cimd.dcr;

import java.util.List;
import java.util.Objects;

import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.metadata.ClientMetadata;

/**
 * A registration request (RFC 7591 §3.1) that passed {@link RegistrationValidator}: what the server may register.
 *
 * @param metadata        the client metadata as sent, less the members the server issues or does not honour (see
 *                        {@code ignoredMembers}); unknown members are kept
 * @param authMethod      {@code token_endpoint_auth_method}, or its RFC 7591 default {@code client_secret_basic}
 * @param grantTypes      {@code grant_types}, or its default {@code ["authorization_code"]}
 * @param redirectUris    the redirect URIs, checked; empty only for clients without a redirect-based grant
 * @param applicationType {@code native} or {@code web}: as sent, or {@code native} when it was left out and a redirect
 *                        URI is on loopback or a private-use scheme, else {@code web}
 * @param ignoredMembers  members that were sent but are not honoured ({@code client_id}, {@code client_secret},
 *                        {@code client_id_issued_at}, {@code client_secret_expires_at},
 *                        {@code registration_access_token}, {@code registration_client_uri},
 *                        {@code software_statement}): the server issues these or does not verify them
 */
public record RegistrationRequest(ClientMetadata metadata, ClientAuthMethod authMethod, List<GrantType> grantTypes,
        List<RedirectUri> redirectUris, String applicationType, List<String> ignoredMembers) {

    public RegistrationRequest {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(authMethod, "authMethod");
        grantTypes = List.copyOf(grantTypes);
        redirectUris = List.copyOf(redirectUris);
        Objects.requireNonNull(applicationType, "applicationType");
        ignoredMembers = List.copyOf(ignoredMembers);
    }

    /** Whether the client authenticates at the token endpoint (anything but {@code none}). */
    public boolean isConfidential() {
        return !authMethod.equals(ClientAuthMethod.NONE);
    }

    /** Whether the server issues a client secret ({@code client_secret_basic} or {@code client_secret_post}). */
    public boolean needsSecret() {
        return authMethod.isSymmetric();
    }
}
