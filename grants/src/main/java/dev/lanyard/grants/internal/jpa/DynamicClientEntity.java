package dev.lanyard.grants.internal.jpa;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import dev.lanyard.grants.client.ClientSource;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.client.RegisteredClientBuilder;
import dev.lanyard.grants.store.DynamicClientRecord;
import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;

/**
 * Table {@code lanyard_dynamic_client}: one row per dynamically registered client. The secret and the registration
 * access token are kept as their stored forms ({@code sha256:...}) only. Lists are space-separated (a URI and a grant
 * type URI have no space).
 */
@Cacheable(false)
@Entity(name = "LanyardDynamicClient")
@Table(name = "lanyard_dynamic_client", indexes = {
    @Index(name = "lanyard_dynamic_client_fp", columnList = "fingerprint,first_token_at"),
    @Index(name = "lanyard_dynamic_client_issued", columnList = "issued_at")})
public class DynamicClientEntity {

    private static final int LONG_TEXT = 65536;

    @Id
    @Column(name = "client_id", length = 255)
    private String clientId;
    @Column(name = "auth_method", length = 64, nullable = false)
    private String authMethod;
    @Column(name = "secret_hash", length = 64)
    private String secretHash;
    @Column(name = "redirect_uris", length = LONG_TEXT)
    private String redirectUris;
    @Column(name = "grant_types", length = 4096)
    private String grantTypes;
    @Column(name = "scope", length = LONG_TEXT)
    private String scope;
    @Column(name = "jwks", length = LONG_TEXT)
    private String jwks;
    @Column(name = "jwks_uri", length = 2048)
    private String jwksUri;
    @Column(name = "signing_alg", length = 32)
    private String signingAlg;
    @Column(name = "client_name", length = LONG_TEXT)
    private String clientName;
    @Column(name = "metadata", length = 2 * LONG_TEXT, nullable = false)
    private String metadata;
    @Column(name = "rat_hash", length = 64, nullable = false)
    private String registrationTokenHash;
    @Column(name = "fingerprint", length = 64, nullable = false)
    private String fingerprint;
    @Column(name = "issued_at", nullable = false)
    private long issuedAt;
    @Column(name = "first_token_at")
    private Long firstTokenAt;

    /** For the JPA provider. */
    public DynamicClientEntity() {
    }

    /** The row of {@code r}. */
    public static DynamicClientEntity of(DynamicClientRecord r) {
        RegisteredClient c = r.client();
        DynamicClientEntity e = new DynamicClientEntity();
        e.clientId = c.clientId();
        e.authMethod = c.authMethod().value();
        e.secretHash = c.secretHash().orElse(null);
        e.redirectUris = String.join(" ", c.redirectUris().stream().map(RedirectUri::value).toList());
        e.grantTypes = String.join(" ", c.grantTypes().stream().map(GrantType::value).toList());
        e.scope = Columns.scope(c.scope());
        e.jwks = c.jwks().orElse(null);
        e.jwksUri = c.jwksUri().map(URI::toString).orElse(null);
        e.signingAlg = c.tokenEndpointAuthSigningAlg().orElse(null);
        e.clientName = c.clientName().orElse(null);
        e.metadata = r.metadata();
        e.registrationTokenHash = r.registrationTokenHash();
        e.fingerprint = r.fingerprint();
        e.issuedAt = Columns.millis(r.issuedAt());
        e.firstTokenAt = Columns.millis(r.firstTokenAt());
        return e;
    }

    /** The registration this row holds. */
    public DynamicClientRecord toRecord() {
        RegisteredClientBuilder b = RegisteredClient.builder(clientId).source(ClientSource.DCR)
                .redirectUris(split(redirectUris))
                .grantTypes(Arrays.stream(split(grantTypes)).map(GrantType::new).toArray(GrantType[]::new))
                .scope(Columns.scope(scope));
        ClientAuthMethod method = new ClientAuthMethod(authMethod);
        if (secretHash != null) {
            b.secret(method, secretHash);
        } else if (jwks != null) {
            b.privateKeyJwt(jwks);
        } else if (jwksUri != null) {
            b.privateKeyJwt(URI.create(jwksUri));
        } else {
            b.publicClient();
        }
        Optional.ofNullable(signingAlg).ifPresent(b::signingAlg);
        Optional.ofNullable(clientName).ifPresent(b::clientName);
        return new DynamicClientRecord(b.build(), metadata, registrationTokenHash, fingerprint,
                Columns.instant(issuedAt), Columns.instant(firstTokenAt));
    }

    private static String[] split(String column) {
        return column == null || column.isEmpty() ? new String[0] : column.split(" ");
    }
}
