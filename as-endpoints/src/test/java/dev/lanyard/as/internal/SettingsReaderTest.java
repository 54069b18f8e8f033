package dev.lanyard.as.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.as.AsConfigKeys;
import dev.lanyard.as.AuthorizationServerSettings;
import dev.lanyard.as.AuthorizationServerSettings.StoreKind;
import dev.lanyard.as.CrossAppAccessSettings;
import dev.lanyard.as.RegistrationSettings;
import dev.lanyard.cimd.CimdSettings;
import dev.lanyard.cimd.ClientIdUrl;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.ClientType;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.idjag.IdJagRule;
import dev.lanyard.grants.idjag.IdJagSettings;
import dev.lanyard.grants.keys.SigningAlgorithm;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.ref.Specs;

class SettingsReaderTest {

    static final String SECRET = "a-client-secret-of-at-least-32-characters";

    static MapConfig minimal() {
        return new MapConfig(AsConfigKeys.ISSUER, "https://as.example.test",
                AsConfigKeys.RESOURCES, "https://rs.example.test/api");
    }

    static String problems(MapConfig config) {
        try {
            SettingsReader.read(config);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("the configuration was accepted");
    }

    @Test
    void readWhenMinimalThenSafeDefaults() {
        AuthorizationServerSettings s = SettingsReader.read(minimal());
        assertThat(s.issuer()).isEqualTo("https://as.example.test");
        assertThat(s.grants().accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.grants().codeTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.grants().refreshTokenIdleTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(s.grants().refreshTokenMaxTtl()).isEqualTo(Duration.ofDays(30));
        // the one resource is the default audience
        assertThat(s.grants().defaultResource()).contains(new ResourceIndicator("https://rs.example.test/api"));
        assertThat(s.signing().algorithm()).isEqualTo(SigningAlgorithm.ES256);
        assertThat(s.signing().rotationPeriod()).contains(Duration.ofDays(30));
        assertThat(s.signingJwks()).isEmpty();
        assertThat(s.store()).isEqualTo(StoreKind.MEMORY);
        assertThat(s.clients()).isEmpty();
        assertThat(s.openIdConfiguration()).isFalse();
        assertThat(s.allowLoopback()).isFalse();
        assertThat(s.endpoint("/token").toString()).isEqualTo("https://as.example.test/token");
    }

    @Test
    void readWhenIssuerOrResourcesMissingThenStartUpFailsNamingBothKeys() {
        String message = problems(new MapConfig());
        assertThat(message).contains(AsConfigKeys.ISSUER).contains(AsConfigKeys.RESOURCES);
    }

    @Test
    void readWhenIssuerNotHttpsOrWithQueryThenRefused() {
        // RFC 8414 §2: https, no query, no fragment; http only on loopback for development
        assertThat(problems(minimal().with(AsConfigKeys.ISSUER, "http://as.example.test")))
                .contains(AsConfigKeys.ISSUER);
        assertThat(problems(minimal().with(AsConfigKeys.ISSUER, "https://as.example.test?x=1")))
                .contains(AsConfigKeys.ISSUER);
        assertThat(problems(minimal().with(AsConfigKeys.ISSUER, "https://as.example.test/")))
                .contains(AsConfigKeys.ISSUER);
        assertThat(SettingsReader.read(minimal().with(AsConfigKeys.ISSUER, "http://127.0.0.1:9080")).issuer())
                .isEqualTo("http://127.0.0.1:9080");
    }

    @Test
    void readResourcesWithTheScopesTheyOffer() {
        AuthorizationServerSettings s = SettingsReader.read(minimal()
                .with(AsConfigKeys.RESOURCES, "https://rs.example.test/api items:read items:write, https://b.test/x")
                .with(AsConfigKeys.SCOPES, "items:read=Read your items,items:write=Change\\, or delete,notes:read")
                .with(AsConfigKeys.DEFAULT_RESOURCE, "https://b.test/x"));
        ResourceIndicator a = new ResourceIndicator("https://rs.example.test/api");
        ResourceIndicator b = new ResourceIndicator("https://b.test/x");
        assertThat(s.grants().resources()).containsExactly(a, b);
        assertThat(s.grants().defaultResource()).contains(b);
        assertThat(s.scopesOf(a)).isEqualTo(Scope.of("items:read", "items:write"));
        // a resource listing no scope offers every described scope
        assertThat(s.scopesOf(b)).isEqualTo(Scope.of("items:read", "items:write", "notes:read"));
        assertThat(s.scopeDescriptions()).containsEntry("items:write", "Change, or delete")
                .containsEntry("notes:read", "notes:read");
    }

    @Test
    void readWhenSeveralResourcesAndNoDefaultThenNoDefault() {
        AuthorizationServerSettings s = SettingsReader.read(minimal()
                .with(AsConfigKeys.RESOURCES, "https://a.test/x,https://b.test/x"));
        assertThat(s.grants().defaultResource()).isEmpty();
    }

    @Test
    void readWhenValuesMalformedThenEveryKeyIsNamed() {
        String message = problems(minimal()
                .with(AsConfigKeys.RESOURCES, "not a uri")
                .with(AsConfigKeys.DEFAULT_RESOURCE, "https://elsewhere.test")
                .with(AsConfigKeys.SCOPES, "bad\"scope=x")
                .with(AsConfigKeys.ACCESS_TOKEN_TTL, "5 minutes")
                .with(AsConfigKeys.CODE_TTL, "PT11M")
                .with(AsConfigKeys.SIGNING_ALGORITHM, "HS256")
                .with(AsConfigKeys.STORE, "redis")
                .with(AsConfigKeys.OPENID_CONFIGURATION, "yes"));
        assertThat(message).contains(AsConfigKeys.RESOURCES, AsConfigKeys.DEFAULT_RESOURCE, AsConfigKeys.SCOPES,
                AsConfigKeys.ACCESS_TOKEN_TTL, AsConfigKeys.CODE_TTL, AsConfigKeys.SIGNING_ALGORITHM,
                AsConfigKeys.STORE, AsConfigKeys.OPENID_CONFIGURATION);
    }

    @Test
    void readSigningRotationAndRetention() {
        AuthorizationServerSettings none = SettingsReader.read(minimal().with(AsConfigKeys.SIGNING_ROTATION, "none")
                .with(AsConfigKeys.SIGNING_ALGORITHM, "RS256").with(AsConfigKeys.STORE, "jpa"));
        assertThat(none.signing().rotationPeriod()).isEmpty();
        assertThat(none.signing().algorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThat(none.store()).isEqualTo(StoreKind.JPA);
        // a retired key must outlive the tokens it signed
        assertThat(problems(minimal().with(AsConfigKeys.SIGNING_RETIRED_RETENTION, "PT1M")))
                .contains(AsConfigKeys.SIGNING_RETIRED_RETENTION);
        assertThat(problems(minimal().with(AsConfigKeys.SIGNING_ROTATION, "PT1H")))
                .contains(AsConfigKeys.SIGNING_PUBLISH_AHEAD);
    }

    @Test
    void signingKeysAreNeverShown() {
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"d\":\"private-part\"}]}";
        AuthorizationServerSettings s = SettingsReader.read(minimal().with(AsConfigKeys.SIGNING_JWKS, jwks));
        assertThat(s.signingJwks()).contains(jwks);
        assertThat(s.toString()).doesNotContain("private-part").contains("configured keys");
    }

    @Test
    void readClients() {
        AuthorizationServerSettings s = SettingsReader.read(minimal()
                .with(AsConfigKeys.SCOPES, "items:read=Read,items:write=Write")
                .with(AsConfigKeys.CLIENTS, "pub1, conf1,conf2")
                .with("lanyard.as.client.pub1.redirect-uris", "https://app.example.test/cb,http://127.0.0.1/cb")
                .with("lanyard.as.client.pub1.name", "Public app")
                .with("lanyard.as.client.conf1.secret-hash", ClientSecrets.hash(SECRET))
                .with("lanyard.as.client.conf1.grant-types", "client_credentials")
                .with("lanyard.as.client.conf1.scopes", "items:read")
                .with("lanyard.as.client.conf2.secret", SECRET)
                .with("lanyard.as.client.conf2.auth-method", "client_secret_post"));
        RegisteredClient pub1 = s.clients().get(0);
        assertThat(pub1.type()).isEqualTo(ClientType.PUBLIC);
        assertThat(pub1.redirectUris()).hasSize(2);
        assertThat(pub1.grantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
        assertThat(pub1.scope()).isEqualTo(Scope.of("items:read", "items:write"));
        assertThat(pub1.clientName()).contains("Public app");
        RegisteredClient conf1 = s.clients().get(1);
        assertThat(conf1.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(conf1.grantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(conf1.scope()).isEqualTo(Scope.of("items:read"));
        RegisteredClient conf2 = s.clients().get(2);
        assertThat(conf2.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        // a plain secret is kept only as its hash
        assertThat(conf2.secretHash()).contains(ClientSecrets.hash(SECRET));
        assertThat(s.toString()).doesNotContain(SECRET);
    }

    @Test
    void readWhenClientMisconfiguredThenEachKeyIsNamedAndNoSecretShown() {
        String shortSecret = "short-secret";
        String message = problems(minimal()
                .with(AsConfigKeys.CLIENTS, "a,b,c,d,e,a")
                .with("lanyard.as.client.a.redirect-uris", "http://app.example.test/cb")
                .with("lanyard.as.client.b.secret", shortSecret)
                .with("lanyard.as.client.c.secret-hash", "md5:abc")
                .with("lanyard.as.client.d.auth-method", "client_secret_jwt")
                .with("lanyard.as.client.e.auth-method", "private_key_jwt"));
        assertThat(message).contains("lanyard.as.client.a.redirect-uris", "lanyard.as.client.b.secret",
                "lanyard.as.client.c.secret-hash", "lanyard.as.client.d.", "lanyard.as.client.e",
                "names a twice").doesNotContain(shortSecret);
    }

    @Test
    void readWhenPublicClientHasASecretThenRefused() {
        assertThatThrownBy(() -> SettingsReader.read(minimal().with(AsConfigKeys.CLIENTS, "p")
                .with("lanyard.as.client.p.auth-method", "none").with("lanyard.as.client.p.secret", SECRET)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lanyard.as.client.p.secret")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void settingsKeepConfiguredOrder() {
        AuthorizationServerSettings s = SettingsReader.read(minimal()
                .with(AsConfigKeys.SCOPES, "b=B,a=A,c=C"));
        assertThat(List.copyOf(s.scopeDescriptions().keySet())).containsExactly("b", "a", "c");
        assertThat(Optional.of(s.consentTtl())).contains(Duration.ofMinutes(10));
    }

    @Test
    void readWhenCimdKeysAbsentThenDisabledWithTheDefaults() {
        CimdSettings c = SettingsReader.read(minimal()).cimd();
        assertThat(c).isEqualTo(CimdSettings.defaults().withTrustPolicy(c.trustPolicy()));
        assertThat(c.enabled()).isFalse();
        assertThat(c.insecureTestFetch()).isFalse();
        assertThat(c.fetchPorts()).containsExactly(443);
    }

    @Test
    void readWhenCimdPortIsNotAPortNumberThenStartUpFailsNamingTheKey() {
        for (String bad : List.of("0", "65536", "https", "443x")) {
            assertThat(problems(minimal().with(AsConfigKeys.CIMD_FETCH_ALLOWED_PORTS, bad))).as(bad)
                    .contains(AsConfigKeys.CIMD_FETCH_ALLOWED_PORTS);
        }
    }

    @Test
    void readWhenCimdEnabledWithoutTheAcknowledgedDraftThenStartUpFailsNamingTheKey() {
        assertThat(problems(minimal().with(AsConfigKeys.CIMD_ENABLED, "true"))).contains(AsConfigKeys.CIMD_ACK)
                .contains(CimdSettings.ACKNOWLEDGED_DRAFT);
        assertThat(problems(minimal().with(AsConfigKeys.CIMD_ENABLED, "true").with(AsConfigKeys.CIMD_ACK,
                "draft-ietf-oauth-client-id-metadata-document-00"))).contains(AsConfigKeys.CIMD_ACK);
    }

    @Test
    void readWhenCimdConfiguredThenEveryKeyIsApplied() {
        CimdSettings c = SettingsReader.read(minimal().with(AsConfigKeys.CIMD_ENABLED, "true")
                .with(AsConfigKeys.CIMD_ACK, CimdSettings.ACKNOWLEDGED_DRAFT)
                .with(AsConfigKeys.CIMD_TRUSTED_HOSTS, ".example.com")
                .with(AsConfigKeys.CIMD_DENIED_HOSTS, "bad.example.com")
                .with(AsConfigKeys.CIMD_CACHE_MIN_TTL, "PT1M").with(AsConfigKeys.CIMD_CACHE_MAX_TTL, "PT2H")
                .with(AsConfigKeys.CIMD_STALE_IF_ERROR, "PT5M").with(AsConfigKeys.CIMD_CACHE_MAX_ENTRIES, "42")
                .with(AsConfigKeys.CIMD_FETCH_TIMEOUT, "PT1S").with(AsConfigKeys.CIMD_FETCH_MAX_BYTES, "4096")
                .with(AsConfigKeys.CIMD_FETCH_ALLOWED_PORTS, "443,8443")
                .with(AsConfigKeys.CIMD_AUTH_METHODS, "none")).cimd();
        assertThat(c.fetchPorts()).containsExactlyInAnyOrder(443, 8443);
        assertThat(c.enabled()).isTrue();
        assertThat(c.trustPolicy().allowFetch(new ClientIdUrl("https://app.example.com/c"))).isTrue();
        assertThat(c.trustPolicy().allowFetch(new ClientIdUrl("https://bad.example.com/c"))).isFalse();
        assertThat(c.trustPolicy().allowFetch(new ClientIdUrl("https://other.test/c"))).isFalse();
        assertThat(List.of(c.cacheMinTtl(), c.cacheMaxTtl(), c.staleIfErrorMax(), c.fetchTimeout()))
                .containsExactly(Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofMinutes(5),
                        Duration.ofSeconds(1));
        assertThat(c.cacheMaxEntries()).isEqualTo(42);
        assertThat(c.maxBodyBytes()).isEqualTo(4096);
        assertThat(c.tokenEndpointAuthMethods()).containsExactly(ClientAuthMethod.NONE);
    }

    @Test
    void readWhenCimdValuesMalformedThenEveryKeyIsNamed() {
        String p = problems(minimal().with(AsConfigKeys.CIMD_AUTH_METHODS, "client_secret_basic")
                .with(AsConfigKeys.CIMD_CACHE_MAX_ENTRIES, "0").with(AsConfigKeys.CIMD_FETCH_MAX_BYTES, "x")
                .with(AsConfigKeys.CIMD_CACHE_MIN_TTL, "PT2H").with(AsConfigKeys.CIMD_CACHE_MAX_TTL, "PT1H")
                .with(AsConfigKeys.CIMD_TEST_TRUST_STORE, "/tmp/x.p12"));
        assertThat(p).contains(AsConfigKeys.CIMD_AUTH_METHODS, AsConfigKeys.CIMD_CACHE_MAX_ENTRIES,
                AsConfigKeys.CIMD_FETCH_MAX_BYTES, AsConfigKeys.CIMD_CACHE_MAX_TTL, AsConfigKeys.CIMD_TEST_TRUST_STORE);
    }

    @Test
    void readWhenCrossAppAccessKeysAbsentThenBothRolesOff() {
        assertThat(SettingsReader.read(minimal()).crossAppAccess()).isEqualTo(CrossAppAccessSettings.disabled());
    }

    @Test
    void readWhenIdpAndResourceRolesConfiguredThenRulesTrustAndLifetimesAreApplied() {
        CrossAppAccessSettings x = SettingsReader.read(minimal().with(AsConfigKeys.IDP_ENABLED, "true")
                .with(AsConfigKeys.IDP_ID_JAG_ENABLED, "true").with(AsConfigKeys.IDP_ID_JAG_TTL, "PT2M")
                .with(AsConfigKeys.IDP_ID_JAG_RULES, "agent")
                .with(AsConfigKeys.IDP_ID_JAG_RULE_PREFIX + "agent.client-id", "agent")
                .with(AsConfigKeys.IDP_ID_JAG_RULE_PREFIX + "agent.audience", "https://ras.example.test")
                .with(AsConfigKeys.IDP_ID_JAG_RULE_PREFIX + "agent.client-id-at-audience", "agent-there")
                .with(AsConfigKeys.IDP_ID_JAG_RULE_PREFIX + "agent.resources", "https://rs.example.test/api")
                .with(AsConfigKeys.IDP_ID_JAG_RULE_PREFIX + "agent.scope", "items:read items:write")
                .with(AsConfigKeys.IDP_ID_JAG_RULE_PREFIX + "agent.authorization-detail-types",
                        "chat_read, chat_history")
                .with(AsConfigKeys.AS_ID_JAG_AUTHORIZATION_DETAIL_TYPES, "tickets")
                .with(AsConfigKeys.AS_ID_JAG_ENABLED, "true").with(AsConfigKeys.AS_ID_JAG_ACK, Specs.ID_JAG)
                .with(AsConfigKeys.AS_ID_JAG_TRUSTED_ISSUERS, "https://idp.example.test")
                .with(AsConfigKeys.AS_ID_JAG_MAX_LIFETIME, "PT3M")
                .with(AsConfigKeys.AS_ID_JAG_ONE_TIME_USE, "false")).crossAppAccess();
        assertThat(x.idp()).isTrue();
        assertThat(x.idJagIssuer()).isTrue();
        assertThat(x.rules()).containsExactly(new IdJagRule("agent", "https://ras.example.test", "agent-there",
                List.of(new ResourceIndicator("https://rs.example.test/api")), Scope.of("items:read", "items:write"),
                Set.of("chat_read", "chat_history")));
        assertThat(x.idJagRedeemer()).isTrue();
        assertThat(x.trustedIssuers()).containsExactly("https://idp.example.test");
        assertThat(x.idJag()).isEqualTo(IdJagSettings.defaults().withIdJagLifetime(Duration.ofMinutes(2))
                .withMaxAssertionLifetime(Duration.ofMinutes(3)).withOneTimeUse(false)
                .withAuthorizationDetailTypes(Set.of("tickets")));
    }

    @Test
    void readWhenCrossAppAccessMisconfiguredThenEveryKeyIsNamed() {
        String p = problems(minimal().with(AsConfigKeys.IDP_ID_JAG_ENABLED, "true")
                .with(AsConfigKeys.IDP_ID_JAG_RULES, "r1")
                .with(AsConfigKeys.AS_ID_JAG_ENABLED, "true").with(AsConfigKeys.AS_ID_JAG_ACK, "draft-x-00"));
        assertThat(p).contains(AsConfigKeys.IDP_ID_JAG_ENABLED + " needs " + AsConfigKeys.IDP_ENABLED)
                .contains(AsConfigKeys.IDP_ID_JAG_RULE_PREFIX + "r1.client-id is required")
                .contains(AsConfigKeys.IDP_ID_JAG_RULE_PREFIX + "r1.audience is required")
                .contains(AsConfigKeys.IDP_ID_JAG_RULE_PREFIX + "r1.resources is required")
                .contains(AsConfigKeys.AS_ID_JAG_ACK + " must be " + Specs.ID_JAG)
                .contains(AsConfigKeys.AS_ID_JAG_TRUSTED_ISSUERS + " is required");
    }

    @Test
    void readWhenRegistrationKeysSetThenApplied() {
        assertThat(SettingsReader.read(minimal()).registration()).isEqualTo(RegistrationSettings.defaults());
        assertThat(SettingsReader.read(minimal().with(AsConfigKeys.REGISTRATION_ENABLED, "true")
                .with(AsConfigKeys.REGISTRATION_RATE_LIMIT, "3")).registration())
                .isEqualTo(new RegistrationSettings(true, 3));
        assertThat(problems(minimal().with(AsConfigKeys.REGISTRATION_RATE_LIMIT, "0")))
                .contains(AsConfigKeys.REGISTRATION_RATE_LIMIT);
    }

    @Test
    void readWhenTokenExchangeConfiguredThenClientsTargetsAndCapApplied() {
        AuthorizationServerSettings off = SettingsReader.read(minimal());
        assertThat(off.tokenExchange()).isEmpty();
        assertThat(off.dpopWindow()).isEqualTo(Duration.ofSeconds(60));
        AuthorizationServerSettings s = SettingsReader.read(minimal()
                .with(AsConfigKeys.TOKEN_EXCHANGE_ENABLED, "true")
                .with(AsConfigKeys.TOKEN_EXCHANGE_MAX_SUBJECT_TOKEN_LENGTH, "2048")
                .with(AsConfigKeys.DPOP_IAT_WINDOW, "PT30S")
                .with(AsConfigKeys.CLIENTS, "tx1")
                .with("lanyard.as.client.tx1.secret", SECRET)
                .with("lanyard.as.client.tx1.grant-types", GrantType.TOKEN_EXCHANGE.value())
                .with("lanyard.as.client.tx1.token-exchange.targets", "https://rs.example.test/api"));
        assertThat(s.tokenExchange()).hasValueSatisfying(tx -> {
            assertThat(tx.maxSubjectTokenLength()).isEqualTo(2048);
            assertThat(tx.targets("tx1")).containsExactly("https://rs.example.test/api");
            assertThat(tx.targets("other")).isEmpty();
        });
        assertThat(s.dpopWindow()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readWhenTokenExchangeMisconfiguredThenEveryKeyIsNamed() {
        String key = "lanyard.as.client.tx1.token-exchange.targets";
        assertThat(problems(minimal()
                .with(AsConfigKeys.CLIENTS, "tx1")
                .with("lanyard.as.client.tx1.secret", SECRET)
                .with(key, "https://admin.example.test/api")))
                .contains(key + " holds a target that is not one of " + AsConfigKeys.RESOURCES)
                .contains(key + " needs " + GrantType.TOKEN_EXCHANGE.value());
        assertThat(problems(minimal().with(AsConfigKeys.TOKEN_EXCHANGE_ENABLED, "true")))
                .contains(AsConfigKeys.TOKEN_EXCHANGE_ENABLED + " needs a client with");
        assertThat(problems(minimal().with(AsConfigKeys.TOKEN_EXCHANGE_MAX_SUBJECT_TOKEN_LENGTH, "0")))
                .contains(AsConfigKeys.TOKEN_EXCHANGE_MAX_SUBJECT_TOKEN_LENGTH);
        assertThat(problems(minimal().with(AsConfigKeys.TOKEN_EXCHANGE_MAX_SUBJECT_TOKEN_LENGTH, "9000")))
                .contains(AsConfigKeys.TOKEN_EXCHANGE_MAX_SUBJECT_TOKEN_LENGTH + " must be at most 8192");
        assertThat(problems(minimal().with(AsConfigKeys.DPOP_IAT_WINDOW, "PT0S")))
                .contains(AsConfigKeys.DPOP_IAT_WINDOW + " must be a positive duration");
    }

    @Test
    void readWhenRegistrationProtectionExpiryAndBoundSetThenAppliedAndTokensNeverQuoted() {
        String hash = ClientSecrets.hash("initial-access-token-0123456789-abcdef");
        RegistrationSettings r = SettingsReader.read(minimal().with(AsConfigKeys.REGISTRATION_ENABLED, "true")
                .with(AsConfigKeys.REGISTRATION_INITIAL_ACCESS_TOKENS, hash)
                .with(AsConfigKeys.REGISTRATION_UNUSED_TTL, "PT2H")
                .with(AsConfigKeys.REGISTRATION_MAX_UNUSED_PER_SOFTWARE, "5")
                .with(AsConfigKeys.REGISTRATION_DELETE_ENABLED, "false")).registration();
        assertThat(r).isEqualTo(new RegistrationSettings(true, 10, List.of(hash),
                Duration.ofHours(2), 5, false));
        assertThat(r.isProtected()).isTrue();
        assertThat(r.toString()).doesNotContain(hash);
        RegistrationSettings defaults = RegistrationSettings.defaults();
        assertThat(defaults.unusedTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.maxUnusedPerSoftware()).isEqualTo(3);
        assertThat(defaults.deleteEnabled()).isTrue();
        assertThat(defaults.isProtected()).isFalse();
        String plain = "a-plain-token-pasted-by-mistake-0123456789";
        assertThat(problems(minimal().with(AsConfigKeys.REGISTRATION_INITIAL_ACCESS_TOKENS, plain)))
                .contains(AsConfigKeys.REGISTRATION_INITIAL_ACCESS_TOKENS).doesNotContain(plain);
        assertThat(problems(minimal().with(AsConfigKeys.REGISTRATION_UNUSED_TTL, "P0D")))
                .contains(AsConfigKeys.REGISTRATION_UNUSED_TTL);
    }
}
