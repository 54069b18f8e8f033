package dev.lanyard.cimd;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.cimd.internal.CimdRules;
import dev.lanyard.cimd.internal.Jwks;
import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.metadata.ClientMetadata;

/**
 * Checks a client ID metadata document against the draft, MCP and the server's authentication methods: a pure
 * function, no I/O. Returns every violation ({@link Parsed}); never throws on bad input.
 *
 * <ul>
 *   <li>{@code client_id} is a string equal to the URL fetched, by simple string comparison (draft §4; A-077);</li>
 *   <li>no {@code client_secret} or {@code client_secret_expires_at}, no shared-secret
 *       {@code token_endpoint_auth_method}, no private or symmetric key in {@code jwks} (draft §4.1);</li>
 *   <li>{@code client_name} and at least one {@code redirect_uris} entry (MCP); each redirect URI follows the
 *       registration rules of {@link RedirectUri} (absolute, no fragment, no script scheme, http only on loopback,
 *       private-use schemes with a dot);</li>
 *   <li>{@code client_uri}, {@code logo_uri}, {@code tos_uri}, {@code policy_uri}, {@code jwks_uri} use https (draft
 *       §8.6: only known schemes; the consent page links to them and the server fetches two of them);</li>
 *   <li>the RFC 7591 §2 syntax of every member {@link ClientMetadata} knows.</li>
 * </ul>
 *
 * <p>Liberal where real clients differ and it is safe: unknown members are kept; grant and response types the server
 * does not use are accepted; {@code token_endpoint_auth_methods_supported} (OpenID Connect RP Metadata Choices 1.0,
 * published by widely used clients next to {@code token_endpoint_auth_method}) is read as the methods the client
 * can use. The method required of the client is chosen among what it offers (both members; {@code none} when it
 * names none, since a CIMD client has no secret) and what the server supports: {@code private_key_jwt} when offered
 * with keys, else {@code none}. A document that declares {@code private_key_jwt} without offering {@code none} gets
 * exactly {@code private_key_jwt} (draft §8.2: the server MUST then require it). Shared-secret methods in the choices
 * list are ignored; declared as {@code token_endpoint_auth_method} they make the document invalid.
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#CIMD} §4, §4.1, §4.2, §8.2, §8.6; MCP
 * {@value dev.lanyard.spec.ref.Specs#MCP} client registration; RFC 7591 §2; RFC 7517 §4, §6.3.2, §6.4.
 */
public final class CimdValidator {

    /** The methods a server supports for CIMD clients unless configured otherwise. */
    public static final Set<ClientAuthMethod> DEFAULT_AUTH_METHODS =
            Set.of(ClientAuthMethod.NONE, ClientAuthMethod.PRIVATE_KEY_JWT);

    /** RP Metadata Choices 1.0: the authentication methods a client supports. */
    public static final String AUTH_METHOD_CHOICES = "token_endpoint_auth_methods_supported";

    private static final List<String> HTTPS_MEMBERS = List.of("client_uri", "logo_uri", "tos_uri", "policy_uri",
            "jwks_uri");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<ClientAuthMethod> serverMethods;

    private CimdValidator(Set<ClientAuthMethod> serverMethods) {
        this.serverMethods = Set.copyOf(serverMethods);
        if (this.serverMethods.isEmpty() || this.serverMethods.stream().anyMatch(ClientAuthMethod::isSymmetric)) {
            throw new IllegalArgumentException("CIMD clients need a non-empty set of methods without shared secrets");
        }
    }

    /** A validator for a server supporting {@code none} and {@code private_key_jwt} for CIMD clients. */
    public static CimdValidator create() {
        return new CimdValidator(DEFAULT_AUTH_METHODS);
    }

    /** A validator for a server supporting these token endpoint authentication methods for CIMD clients. */
    public static CimdValidator create(Set<ClientAuthMethod> serverMethods) {
        return new CimdValidator(serverMethods);
    }

    /** Reads a document from JSON text (strictly: duplicate members and trailing data are refused). */
    public Parsed<ClientIdMetadataDocument> validate(ClientIdUrl fetchedFrom, String json) {
        return StrictJson.parseObject(json).flatMap(o -> validate(fetchedFrom, o));
    }

    /** Checks a document fetched from {@code fetchedFrom}. */
    public Parsed<ClientIdMetadataDocument> validate(ClientIdUrl fetchedFrom, JsonObject document) {
        Violations.Collector v = Violations.collector();
        checkRaw(fetchedFrom, document, v);
        Parsed<ClientMetadata> parsed = ClientMetadata.parse(document);
        v.addAll("", parsed.violations());
        if (!(parsed instanceof Parsed.Ok<ClientMetadata> ok)) {
            return v.invalid();
        }
        ClientMetadata metadata = ok.value();
        String clientName = metadata.clientName().filter(n -> !n.isBlank()).orElse(null);
        if (clientName == null) {
            // MCP client registration: the document MUST contain client_name
            v.add("/client_name", "is REQUIRED (a non-blank string)", CimdRules.MCP_DOCUMENT);
        }
        List<RedirectUri> redirectUris = redirectUris(metadata, v);
        for (String member : HTTPS_MEMBERS) {
            Optional<URI> uri = url(metadata, member);
            if (uri.isPresent() && !"https".equals(uri.get().getScheme())) {
                // CIMD §8.6: fetch or show only URLs of known, safe schemes
                v.add("/" + member, "must be an https URL", CimdRules.SSRF);
            }
        }
        ClientAuthMethod method = authMethod(document, metadata, v);
        if (!v.isEmpty()) {
            return v.invalid();
        }
        List<CimdWarning> warnings = new ArrayList<>();
        if (redirectUris.stream().anyMatch(CimdValidator::isLoopback)) {
            warnings.add(CimdWarning.LOOPBACK_REDIRECT_URI);
        }
        if (fetchedFrom.hasQuery()) {
            warnings.add(CimdWarning.CLIENT_ID_HAS_QUERY);
        }
        return Parsed.ok(new ClientIdMetadataDocument(fetchedFrom, metadata, clientName, redirectUris, method,
                warnings));
    }

    private static void checkRaw(ClientIdUrl fetchedFrom, JsonObject o, Violations.Collector v) {
        JsonValue clientId = o.get("client_id");
        if (clientId == null) {
            v.add("/client_id", "is REQUIRED", CimdRules.DOCUMENT);
        } else if (clientId instanceof JsonString s && !s.getString().equals(fetchedFrom.value())) {
            // CIMD §4: client_id MUST equal the URL of the document, by simple string comparison
            v.add("/client_id", "must equal the URL the document was fetched from, exactly (no normalisation)",
                    CimdRules.DOCUMENT);
        }
        for (String secret : List.of("client_secret", "client_secret_expires_at")) {
            if (o.containsKey(secret)) {
                // CIMD §4.1: client_secret and client_secret_expires_at MUST NOT be used
                v.add("/" + secret, "must not be present in a client ID metadata document", CimdRules.FORBIDDEN);
            }
        }
        if (o.get("token_endpoint_auth_method") instanceof JsonString m && !m.getString().isEmpty()
                && new ClientAuthMethod(m.getString()).isSymmetric()) {
            // CIMD §4.1: token_endpoint_auth_method MUST NOT be a shared-secret method
            v.add("/token_endpoint_auth_method", "must not be a shared-secret method", CimdRules.FORBIDDEN);
        }
        if (o.get("jwks") instanceof JsonObject jwks && jwks.get("keys") instanceof JsonArray keys) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) instanceof JsonObject key && Jwks.isPrivate(key)) {
                    // CIMD §4.1 (-02): no private key material, only public keys
                    v.add("/jwks/keys/" + i, "must be a public key (no private or symmetric key material)",
                            CimdRules.FORBIDDEN);
                }
            }
        }
        JsonValue choices = o.get(AUTH_METHOD_CHOICES);
        if (choices != null && !(choices instanceof JsonArray a
                && a.stream().allMatch(e -> e instanceof JsonString s && !s.getString().isEmpty()))) {
            v.add("/" + AUTH_METHOD_CHOICES, "must be an array of non-empty strings", CimdRules.METADATA);
        }
    }

    private static List<RedirectUri> redirectUris(ClientMetadata metadata, Violations.Collector v) {
        if (metadata.redirectUris().isEmpty()) {
            // MCP client registration: the document MUST contain redirect_uris; CIMD §4.2: registered, exact match
            v.add("/redirect_uris", "is REQUIRED (at least one redirect URI)", CimdRules.MCP_DOCUMENT);
            return List.of();
        }
        List<RedirectUri> out = new ArrayList<>();
        for (int i = 0; i < metadata.redirectUris().size(); i++) {
            String value = metadata.redirectUris().get(i).toString();
            Violations problems = RedirectUri.validateForRegistration(value);
            if (problems.isEmpty()) {
                out.add(new RedirectUri(value));
            } else {
                v.addAll("/redirect_uris/" + i, problems);
            }
        }
        return out;
    }

    private static Optional<URI> url(ClientMetadata m, String member) {
        return switch (member) {
            case "client_uri" -> m.clientUri();
            case "logo_uri" -> m.logoUri();
            case "tos_uri" -> m.tosUri();
            case "policy_uri" -> m.policyUri();
            default -> m.jwksUri();
        };
    }

    private ClientAuthMethod authMethod(JsonObject o, ClientMetadata metadata, Violations.Collector v) {
        Optional<ClientAuthMethod> declared = metadata.tokenEndpointAuthMethod();
        if (declared.filter(ClientAuthMethod::isSymmetric).isPresent()) {
            return ClientAuthMethod.NONE; // already reported (CIMD §4.1)
        }
        Set<ClientAuthMethod> offered = new LinkedHashSet<>();
        if (o.get(AUTH_METHOD_CHOICES) instanceof JsonArray choices) {
            for (JsonValue choice : choices) {
                if (choice instanceof JsonString s && !s.getString().isEmpty()) {
                    offered.add(new ClientAuthMethod(s.getString()));
                }
            }
        }
        declared.ifPresent(offered::add);
        offered.removeIf(ClientAuthMethod::isSymmetric);
        if (offered.isEmpty() && declared.isEmpty()) {
            // a CIMD client has no secret: naming no method means a public client, not RFC 7591's client_secret_basic
            offered.add(ClientAuthMethod.NONE);
        }
        boolean keys = metadata.jwks().isPresent() || metadata.jwksUri().isPresent();
        if (declared.filter(ClientAuthMethod.PRIVATE_KEY_JWT::equals).isPresent() && !keys) {
            // CIMD §8.2: private_key_jwt authenticates with the keys the document publishes
            v.add("/token_endpoint_auth_method", "private_key_jwt needs jwks or jwks_uri in the document",
                    CimdRules.CLIENT_AUTHENTICATION);
            return ClientAuthMethod.NONE;
        }
        if (keys && offered.contains(ClientAuthMethod.PRIVATE_KEY_JWT)
                && serverMethods.contains(ClientAuthMethod.PRIVATE_KEY_JWT)) {
            return ClientAuthMethod.PRIVATE_KEY_JWT;
        }
        if (offered.contains(ClientAuthMethod.NONE) && serverMethods.contains(ClientAuthMethod.NONE)) {
            return ClientAuthMethod.NONE;
        }
        v.add("/token_endpoint_auth_method", "offers no authentication method this server supports for such clients"
                + " (" + String.join(", ", serverMethods.stream().map(ClientAuthMethod::value).sorted().toList())
                + ")", CimdRules.CLIENT_AUTHENTICATION);
        return ClientAuthMethod.NONE;
    }

    private static boolean isLoopback(RedirectUri uri) {
        if (uri.isLoopback()) {
            return true;
        }
        String host = URI.create(uri.value()).getHost();
        return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }
}
