package dev.lanyard.grants.internal.jpa;

import java.util.Optional;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import dev.lanyard.grants.store.AuthorizationCodeBinding;
import dev.lanyard.grants.store.IssuedTokens;
import dev.lanyard.grants.store.StoredAuthorizationCode;
import dev.lanyard.spec.authz.AuthorizationRequest;
import dev.lanyard.spec.authz.CodeChallenge;
import dev.lanyard.spec.authz.CodeChallengeMethod;

/** Table {@code lanyard_auth_code}: one row per authorization code, keyed by its SHA-256. */
@Cacheable(false)
@Entity(name = "LanyardAuthCode")
@Table(name = "lanyard_auth_code", indexes = @Index(name = "lanyard_auth_code_exp", columnList = "expires_at"))
public class AuthorizationCodeEntity {

    @Id
    @Column(name = "code_hash", length = 64)
    private String codeHash;
    @Column(name = "client_id", length = 2048, nullable = false)
    private String clientId;
    @Column(name = "redirect_uri", length = 2048, nullable = false)
    private String redirectUri;
    @Column(name = "code_challenge", length = 128)
    private String codeChallenge;
    @Column(name = "code_challenge_method", length = 16)
    private String codeChallengeMethod;
    @Column(name = "resources", length = 8192)
    private String resources;
    @Column(name = "scope", length = 4096)
    private String scope;
    @Column(name = "subject", length = 1024, nullable = false)
    private String subject;
    @Column(name = "auth_time")
    private Long authTime;
    @Column(name = "nonce", length = AuthorizationRequest.MAX_NONCE_LENGTH)
    private String nonce;
    @Column(name = "issued_at", nullable = false)
    private long issuedAt;
    @Column(name = "expires_at", nullable = false)
    private long expiresAt;
    @Column(name = "consumed", nullable = false)
    private boolean consumed;
    @Column(name = "family_id", length = 64)
    private String familyId;
    @Column(name = "access_token_jti", length = 64)
    private String accessTokenJti;
    @Column(name = "access_token_exp")
    private Long accessTokenExp;

    /** For the JPA provider. */
    public AuthorizationCodeEntity() {
    }

    /** The row of {@code code}. */
    public static AuthorizationCodeEntity of(StoredAuthorizationCode code) {
        AuthorizationCodeEntity e = new AuthorizationCodeEntity();
        AuthorizationCodeBinding b = code.binding();
        e.codeHash = code.codeHash();
        e.clientId = b.clientId();
        e.redirectUri = b.redirectUri();
        e.codeChallenge = b.codeChallenge().map(CodeChallenge::value).orElse(null);
        e.codeChallengeMethod = b.codeChallengeMethod().map(CodeChallengeMethod::value).orElse(null);
        e.resources = Columns.resources(b.resources());
        e.scope = Columns.scope(b.scope());
        e.subject = b.subject();
        e.authTime = Columns.millis(b.authTime());
        e.nonce = b.nonce().orElse(null);
        e.issuedAt = Columns.millis(code.issuedAt());
        e.expiresAt = Columns.millis(code.expiresAt());
        e.consumed = code.consumed();
        code.issued().ifPresent(i -> {
            e.familyId = i.refreshFamilyId().orElse(null);
            e.accessTokenJti = i.accessTokenJti();
            e.accessTokenExp = Columns.millis(i.accessTokenExpiresAt());
        });
        return e;
    }

    /** The code this row holds. */
    public StoredAuthorizationCode toRecord() {
        AuthorizationCodeBinding b = new AuthorizationCodeBinding(clientId, redirectUri,
                Optional.ofNullable(codeChallenge).map(CodeChallenge::new),
                Optional.ofNullable(codeChallengeMethod).map(CodeChallengeMethod::new),
                Columns.resources(resources), Columns.scope(scope), subject, Columns.instant(authTime),
                Optional.ofNullable(nonce));
        Optional<IssuedTokens> issued = accessTokenJti == null ? Optional.empty()
                : Optional.of(new IssuedTokens(Optional.ofNullable(familyId), accessTokenJti,
                        Columns.instant(accessTokenExp.longValue())));
        return new StoredAuthorizationCode(codeHash, b, Columns.instant(issuedAt), Columns.instant(expiresAt),
                consumed, issued);
    }
}
