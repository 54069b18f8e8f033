package dev.lanyard.as;

/**
 * The MicroProfile Config keys of the authorization server, with their defaults. Durations are ISO-8601
 * ({@code PT5M}); lists are comma-separated (MicroProfile Config escapes a comma in a value as {@code \,}). A missing
 * required key or a malformed value fails start-up with a message naming every key at fault.
 */
public final class AsConfigKeys {

    /**
     * REQUIRED. The issuer identifier (RFC 8414 §2): an https URL without query or fragment (plain http only on a
     * loopback host, for development). Endpoints are published under it ({@code /authorize}, {@code /token},
     * {@code /revoke}, {@code /introspect}, {@code /jwks}); it is never derived from {@code Host} headers.
     */
    public static final String ISSUER = "lanyard.as.issuer";
    /**
     * REQUIRED. The resources tokens may be issued for (RFC 8707), comma-separated. Each item is the resource URI,
     * optionally followed by the scopes it offers, space-separated: {@code https://mcp.example.com/mcp notes:read
     * notes:write}. A resource listing no scope offers every scope of {@link #SCOPES} (any scope when that is empty).
     */
    public static final String RESOURCES = "lanyard.as.resources";
    /**
     * The audience of a request that names no {@code resource}; one of {@link #RESOURCES}. Default: the resource when
     * exactly one is configured, otherwise none (such a request is {@code invalid_target}).
     */
    public static final String DEFAULT_RESOURCE = "lanyard.as.default-resource";
    /**
     * The scopes shown on the consent page, as {@code scope=description} items, comma-separated:
     * {@code notes:read=Read your notes,notes:write=Change your notes}. Default: none.
     */
    public static final String SCOPES = "lanyard.as.scopes";
    /** Access token lifetime. Default: {@code PT5M}. */
    public static final String ACCESS_TOKEN_TTL = "lanyard.as.access-token.ttl";
    /** Authorization code lifetime, at most {@code PT10M}. Default: {@code PT60S}. */
    public static final String CODE_TTL = "lanyard.as.code.ttl";
    /** How long an unused refresh token stays valid (idle lifetime). Default: {@code P1D}. */
    public static final String REFRESH_TOKEN_TTL = "lanyard.as.refresh-token.ttl";
    /** The absolute lifetime of a refresh token family. Default: {@code P30D}. */
    public static final String REFRESH_TOKEN_MAX_TTL = "lanyard.as.refresh-token.max-ttl";
    /** Leeway for {@code exp}, {@code nbf}, {@code iat} of client assertions. Default: {@code PT60S}. */
    public static final String CLOCK_SKEW = "lanyard.as.clock-skew";
    /** How long a consent page stays answerable. Default: {@code PT10M}. */
    public static final String CONSENT_TTL = "lanyard.as.consent.ttl";
    /**
     * The JWS algorithm of generated signing keys: {@code ES256}, {@code RS256}, {@code PS256} or {@code EdDSA}.
     * Default: {@code ES256}.
     */
    public static final String SIGNING_ALGORITHM = "lanyard.as.signing.algorithm";
    /** How long a generated key signs before the next takes over, or {@code none}. Default: {@code P30D}. */
    public static final String SIGNING_ROTATION = "lanyard.as.signing.rotation";
    /** How long the next key is published before it signs. Default: {@code P1D}. */
    public static final String SIGNING_PUBLISH_AHEAD = "lanyard.as.signing.publish-ahead";
    /** How long a replaced key stays published; at least the access token lifetime. Default: {@code P1D}. */
    public static final String SIGNING_RETIRED_RETENTION = "lanyard.as.signing.retired-retention";
    /**
     * Configured signing keys instead of generated ones: a JWK set of private keys, each with a {@code kid}; the first
     * signs, all are published, none rotates. A secret: never logged. Default: none (keys are generated and kept in
     * the store).
     */
    public static final String SIGNING_JWKS = "lanyard.as.signing.jwks";
    /**
     * Where state is kept: {@code memory} (one node, lost on restart) or {@code jpa} (the application exposes its
     * container-managed {@code EntityManager} as a CDI bean; its persistence unit lists
     * {@code META-INF/lanyard-grants-orm.xml}). Default: {@code memory}.
     */
    public static final String STORE = "lanyard.as.store";
    /** Also serve the metadata at the OpenID configuration URL (RFC 8414 §5). Default: {@code false}. */
    public static final String OPENID_CONFIGURATION = "lanyard.as.openid-configuration";
    /**
     * Development and tests only: lets the outbound fetcher (clients' {@code jwks_uri}) reach loopback addresses over
     * plain http. Default: {@code false}; logged loudly when on.
     */
    public static final String ALLOW_LOOPBACK = "lanyard.as.fetch.allow-loopback";

    /**
     * The origins whose browser-based clients may call the back-channel endpoints ({@code /token}, {@code /revoke},
     * {@code /register}, {@code /register/<id>}) with CORS: exact origins ({@code http://localhost:6274}),
     * comma-separated, or {@code *} for any. Default: none. The metadata documents and {@code /jwks} are public and
     * always answer {@code Access-Control-Allow-Origin: *}; {@code /authorize}, the consent page and sign-in (front
     * channel, navigations) never send CORS headers (OAuth 2.1 §3.1).
     */
    public static final String CORS_ALLOWED_ORIGINS = "lanyard.as.cors.allowed-origins";

    /**
     * Resolve {@code client_id}s that are https URLs as Client ID Metadata Documents (after the configured clients).
     * Default: {@code false}. Publishes {@code client_id_metadata_document_supported} exactly when on.
     */
    public static final String CIMD_ENABLED = "lanyard.as.cimd.enabled";
    /** Required when CIMD is enabled: the draft revision acknowledged, {@code CimdSettings.ACKNOWLEDGED_DRAFT}. */
    public static final String CIMD_ACK = "lanyard.as.cimd.ack";
    /** Host patterns whose documents may be fetched ({@code example.com}, {@code .example.com}). Default: any. */
    public static final String CIMD_TRUSTED_HOSTS = "lanyard.as.cimd.trusted-hosts";
    /** Host patterns whose documents are never fetched. Default: none. */
    public static final String CIMD_DENIED_HOSTS = "lanyard.as.cimd.denied-hosts";
    /** The shortest time a document is cached. Default: {@code PT30S}. */
    public static final String CIMD_CACHE_MIN_TTL = "lanyard.as.cimd.cache.min-ttl";
    /** The longest time a document is cached. Default: {@code PT24H}. */
    public static final String CIMD_CACHE_MAX_TTL = "lanyard.as.cimd.cache.max-ttl";
    /** How long a stale document serves while its host fails transiently. Default: {@code PT0S} (off). */
    public static final String CIMD_STALE_IF_ERROR = "lanyard.as.cimd.cache.stale-if-error";
    /** Documents kept by the in-memory cache. Default: 10000. */
    public static final String CIMD_CACHE_MAX_ENTRIES = "lanyard.as.cimd.cache.max-entries";
    /** Connect timeout and total deadline of one document fetch. Default: {@code PT2.5S}. */
    public static final String CIMD_FETCH_TIMEOUT = "lanyard.as.cimd.fetch.timeout";
    /** The largest document read, in bytes. Default: 5120. */
    public static final String CIMD_FETCH_MAX_BYTES = "lanyard.as.cimd.fetch.max-bytes";
    /**
     * The ports documents (and the {@code jwks_uri} and {@code logo_uri} they name) may be fetched from,
     * comma-separated. Default: {@code 443}.
     */
    public static final String CIMD_FETCH_ALLOWED_PORTS = "lanyard.as.cimd.fetch.allowed-ports";
    /** Methods CIMD clients may use: {@code none}, {@code private_key_jwt}. Default: both. */
    public static final String CIMD_AUTH_METHODS = "lanyard.as.cimd.token-endpoint-auth-methods";
    /**
     * Tests only: documents may be fetched from loopback addresses, with {@link #CIMD_TEST_TRUST_STORE}. Default:
     * {@code false}; logged loudly when on.
     */
    public static final String CIMD_TEST_INSECURE_FETCH = "lanyard.as.cimd.testing.insecure-fetch";
    /** Tests only, with {@link #CIMD_TEST_INSECURE_FETCH}: a PKCS12 trust store for fetching documents. */
    public static final String CIMD_TEST_TRUST_STORE = "lanyard.as.cimd.testing.trust-store";
    /** The password of {@link #CIMD_TEST_TRUST_STORE}. Default: none. */
    public static final String CIMD_TEST_TRUST_STORE_PASSWORD = "lanyard.as.cimd.testing.trust-store-password";

    /**
     * OpenID Provider role: ID tokens in the code flow for {@code openid} (which every resource then also offers),
     * and the metadata also at the OpenID configuration URL. Default: {@code false}.
     */
    public static final String IDP_ENABLED = "lanyard.idp.enabled";
    /** IdP role: issue ID-JAGs by token exchange (needs {@link #IDP_ENABLED}). Default: {@code false}. */
    public static final String IDP_ID_JAG_ENABLED = "lanyard.idp.id-jag.enabled";
    /** IdP role: the lifetime of an issued ID-JAG. Default: {@code PT5M}. */
    public static final String IDP_ID_JAG_TTL = "lanyard.idp.id-jag.ttl";
    /** IdP role: the names of the ID-JAG rules, comma-separated; each is configured under the rule prefix. */
    public static final String IDP_ID_JAG_RULES = "lanyard.idp.id-jag.rules";
    /**
     * The prefix of a rule's keys: {@code lanyard.idp.id-jag.rule.<name>.client-id} (the client here),
     * {@code .audience} (the resource authorization server's issuer), {@code .client-id-at-audience},
     * {@code .resources} (comma-separated), {@code .scope} (space-separated; the most it may get) and
     * {@code .authorization-detail-types} (comma-separated: the RFC 9396 {@code authorization_details} types it may
     * ask for; any other is {@code invalid_authorization_details}; default none).
     */
    public static final String IDP_ID_JAG_RULE_PREFIX = "lanyard.idp.id-jag.rule.";
    /** Resource authorization server role: accept ID-JAGs with the JWT bearer grant. Default: {@code false}. */
    public static final String AS_ID_JAG_ENABLED = "lanyard.as.id-jag.enabled";
    /** Required with {@link #AS_ID_JAG_ENABLED}: the draft revision acknowledged, {@code Specs.ID_JAG}. */
    public static final String AS_ID_JAG_ACK = "lanyard.as.id-jag.ack";
    /** The issuers of trusted IdPs, comma-separated; their keys are found through their metadata. Never published. */
    public static final String AS_ID_JAG_TRUSTED_ISSUERS = "lanyard.as.id-jag.trusted-issuers";
    /** The longest lifetime ({@code exp - now}) of an accepted ID-JAG. Default: {@code PT10M}. */
    public static final String AS_ID_JAG_MAX_LIFETIME = "lanyard.as.id-jag.max-lifetime";
    /** Whether an ID-JAG is accepted once only ({@code jti}). Default: {@code true}. */
    public static final String AS_ID_JAG_ONE_TIME_USE = "lanyard.as.id-jag.one-time-use";
    /**
     * The RFC 9396 {@code authorization_details} types granted from an ID-JAG, comma-separated: an ID-JAG's entries of
     * other types are dropped, a client asking for one gets {@code invalid_authorization_details}. Published in
     * {@code authorization_details_types_supported}. Default: none.
     */
    public static final String AS_ID_JAG_AUTHORIZATION_DETAIL_TYPES = "lanyard.as.id-jag.authorization-detail-types";

    /**
     * DPoP (RFC 9449) proofs with the ID-JAG grants (ID-JAG §8.6): how far a proof's {@code iat} may be from now,
     * either way. Default: {@code PT60S}.
     */
    public static final String DPOP_IAT_WINDOW = "lanyard.as.dpop.iat-window";

    /**
     * The delegation token exchange (RFC 8693) for access tokens issued by this server: a confidential client
     * registered for the grant type {@code urn:ietf:params:oauth:grant-type:token-exchange}, with
     * {@link #CLIENT_TOKEN_EXCHANGE_TARGETS}, trades one of them (and optionally its own as actor) for a new one.
     * Default: {@code false}.
     */
    public static final String TOKEN_EXCHANGE_ENABLED = "lanyard.as.token-exchange.enabled";
    /** The longest {@code subject_token} and {@code actor_token} accepted, in characters. Default: 4096. */
    public static final String TOKEN_EXCHANGE_MAX_SUBJECT_TOKEN_LENGTH =
            "lanyard.as.token-exchange.max-subject-token-length";

    /**
     * Dynamic client registration (RFC 7591) at {@code /register}, open to anyone, rate-limited per source address.
     * Default: {@code false} (the endpoint answers 404).
     */
    public static final String REGISTRATION_ENABLED = "lanyard.as.registration.enabled";
    /** Registration attempts one source address may make per minute. Default: 10. */
    public static final String REGISTRATION_RATE_LIMIT = "lanyard.as.registration.rate-limit";
    /**
     * Protected registration (RFC 7591 §3): the initial access tokens accepted, comma-separated, each as its stored
     * form {@code sha256:<base64url(SHA-256(token))>} (compute it with {@code ClientSecrets.hash}); a request must
     * then carry one as {@code Authorization: Bearer}. Default: none (open registration).
     */
    public static final String REGISTRATION_INITIAL_ACCESS_TOKENS = "lanyard.as.registration.initial-access-tokens";
    /**
     * How long a registered client may stay without ever getting a token before it is deleted. Default:
     * {@code PT24H}.
     */
    public static final String REGISTRATION_UNUSED_TTL = "lanyard.as.registration.unused-ttl";
    /**
     * How many unused registrations with the same {@code software_id} and metadata are kept; a further identical
     * registration replaces the oldest unused one. Default: 3.
     */
    public static final String REGISTRATION_MAX_UNUSED_PER_SOFTWARE =
            "lanyard.as.registration.max-unused-per-software";
    /**
     * Whether a client may delete its registration at the client configuration endpoint (RFC 7592 §2.3); 405
     * otherwise. Default: {@code true}.
     */
    public static final String REGISTRATION_DELETE_ENABLED = "lanyard.as.registration.delete-enabled";

    /** The ids of the pre-registered clients, comma-separated; each is configured under {@link #CLIENT_PREFIX}. */
    public static final String CLIENTS = "lanyard.as.clients";
    /** The prefix of a client's keys: {@code lanyard.as.client.<client_id>.<property>}. */
    public static final String CLIENT_PREFIX = "lanyard.as.client.";
    /** Client property: its redirect URIs, comma-separated, exactly as requests will send them. */
    public static final String CLIENT_REDIRECT_URIS = "redirect-uris";
    /**
     * Client property: {@code none}, {@code client_secret_basic}, {@code client_secret_post} or
     * {@code private_key_jwt}. Default: {@code client_secret_basic} with a secret, {@code private_key_jwt} with keys,
     * {@code none} otherwise.
     */
    public static final String CLIENT_AUTH_METHOD = "auth-method";
    /** Client property: the stored form of its secret, {@code sha256:<base64url>} (see {@code ClientSecrets.hash}). */
    public static final String CLIENT_SECRET_HASH = "secret-hash";
    /**
     * Client property, development only: the plain secret (at least 32 characters); hashed at start-up, with a
     * warning in the log.
     */
    public static final String CLIENT_SECRET = "secret";
    /** Client property: its grant types, comma-separated. Default: {@code authorization_code,refresh_token}. */
    public static final String CLIENT_GRANT_TYPES = "grant-types";
    /** Client property: the scopes it may be granted, space-separated. Default: every scope of {@link #SCOPES}. */
    public static final String CLIENT_SCOPES = "scopes";
    /** Client property: {@code client_name}, shown on the consent page. Default: none (the client id is shown). */
    public static final String CLIENT_NAME = "name";
    /** Client property: the URL of its public JWK set, for {@code private_key_jwt}. */
    public static final String CLIENT_JWKS_URI = "jwks-uri";
    /** Client property: its public JWK set as JSON, for {@code private_key_jwt}. */
    public static final String CLIENT_JWKS = "jwks";
    /** Client property: {@code token_endpoint_auth_signing_alg}, the one algorithm its assertions may use. */
    public static final String CLIENT_SIGNING_ALG = "signing-alg";
    /**
     * Client property, with {@link #TOKEN_EXCHANGE_ENABLED}: the {@code audience} / {@code resource} values it may
     * exchange access tokens for, comma-separated; each one of {@link #RESOURCES}. They are also the audiences of the
     * access tokens of other clients it may present as {@code subject_token}. Default: none.
     */
    public static final String CLIENT_TOKEN_EXCHANGE_TARGETS = "token-exchange.targets";

    private AsConfigKeys() {
    }

    /** The key of {@code property} of client {@code clientId}. */
    public static String client(String clientId, String property) {
        return CLIENT_PREFIX + clientId + "." + property;
    }
}
