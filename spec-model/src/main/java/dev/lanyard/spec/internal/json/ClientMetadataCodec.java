package dev.lanyard.spec.internal.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.metadata.ClientMetadata;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/** Reads and writes {@link ClientMetadata} (RFC 7591 §2). Internal. */
public final class ClientMetadataCodec {

    /** The members read into components; every other member is an extension. */
    public static final Set<String> MEMBERS = Set.of("redirect_uris", "token_endpoint_auth_method", "grant_types",
            "response_types", "client_name", "client_uri", "logo_uri", "scope", "contacts", "tos_uri", "policy_uri",
            "jwks_uri", "jwks", "software_id", "software_version", "software_statement", "client_id",
            "application_type", "token_endpoint_auth_signing_alg");

    private static final SpecRef R = Specs.RFC7591_METADATA;
    private static final SpecRef OIDC = Specs.OIDC_REGISTRATION_METADATA;

    private ClientMetadataCodec() {
    }

    /** Reads client metadata, collecting every violation. */
    public static Parsed<ClientMetadata> read(JsonObject o) {
        Violations.Collector v = Violations.collector();
        // RFC 6749 §3.1.2: the redirection endpoint URI MUST be an absolute URI and MUST NOT include a fragment
        List<URI> redirectUris = MetadataReads.uris(o, "redirect_uris", UriRule.REDIRECT_URI, v,
                Specs.RFC6749_REDIRECT_URI);
        Optional<ClientAuthMethod> authMethod = nonEmpty(o, "token_endpoint_auth_method", v, R)
                .map(ClientAuthMethod::new);
        List<GrantType> grantTypes = MetadataReads.tokens(o, "grant_types", v, R).stream().map(GrantType::new)
                .toList();
        List<String> responseTypes = MetadataReads.tokens(o, "response_types", v, R);
        Optional<String> clientName = JsonReads.string(o, "client_name", v, R);
        Optional<URI> clientUri = url(o, "client_uri", v);
        Optional<URI> logoUri = url(o, "logo_uri", v);
        Optional<Scope> scope = scope(o, v);
        List<String> contacts = JsonReads.stringList(o, "contacts", v, R);
        Optional<URI> tosUri = url(o, "tos_uri", v);
        Optional<URI> policyUri = url(o, "policy_uri", v);
        Optional<URI> jwksUri = url(o, "jwks_uri", v);
        Optional<JsonObject> jwks = JsonReads.object(o, "jwks", v, R);
        jwks.map(ClientMetadataCodec::jwkSetProblem).ifPresent(p -> v.add("/jwks", p, Specs.RFC7517_JWK_SET));
        if (o.containsKey("jwks") && o.containsKey("jwks_uri")) {
            // RFC 7591 §2: "The jwks_uri and jwks parameters MUST NOT both be present in the same request or response."
            v.add("/jwks", "must not be present together with jwks_uri", R);
        }
        Optional<String> softwareId = JsonReads.string(o, "software_id", v, R);
        Optional<String> softwareVersion = JsonReads.string(o, "software_version", v, R);
        // RFC 7591 §2.3: a software statement MUST be digitally signed or MACed using JWS
        Optional<String> softwareStatement = MetadataReads.compactJws(o, "software_statement", v, R);
        Optional<String> clientId = nonEmpty(o, "client_id", v, R);
        Optional<String> applicationType = nonEmpty(o, "application_type", v, OIDC);
        // OpenID Connect Registration §2: "The value none MUST NOT be used."
        Optional<String> signingAlg = nonEmpty(o, "token_endpoint_auth_signing_alg", v, OIDC);
        if (signingAlg.filter(MetadataReads::isNone).isPresent()) {
            v.add("/token_endpoint_auth_signing_alg", "must not be \"none\"", OIDC);
        }
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new ClientMetadata(redirectUris, authMethod, grantTypes, responseTypes, clientName,
                clientUri, logoUri, scope, contacts, tosUri, policyUri, jwksUri, jwks, softwareId, softwareVersion,
                softwareStatement, clientId, applicationType, signingAlg, JsonReads.extensions(o, MEMBERS)));
    }

    /** What keeps {@code jwks} from being a JWK Set (RFC 7517 §5: a {@code keys} array of objects), or null. */
    public static String jwkSetProblem(JsonObject jwks) {
        if (!(jwks.get("keys") instanceof JsonArray keys)) {
            return "must be a JWK Set with a \"keys\" array";
        }
        for (JsonValue key : keys) {
            if (!(key instanceof JsonObject)) {
                return "every member of \"keys\" must be a JSON object";
            }
        }
        return null;
    }

    private static Optional<String> nonEmpty(JsonObject o, String name, Violations.Collector v, SpecRef rule) {
        Optional<String> s = JsonReads.string(o, name, v, rule);
        if (s.isPresent() && s.get().isEmpty()) {
            v.add("/" + name, "must not be empty", rule);
            return Optional.empty();
        }
        return s;
    }

    private static Optional<URI> url(JsonObject o, String name, Violations.Collector v) {
        return MetadataReads.uri(o, name, UriRule.URL, v, R);
    }

    private static Optional<Scope> scope(JsonObject o, Violations.Collector v) {
        Optional<String> s = JsonReads.string(o, "scope", v, R);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        for (String t : s.get().split(" ")) {
            if (t.isEmpty()) {
                continue;
            }
            if (!Scope.isScopeToken(t)) {
                // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
                v.add("/scope", "must be space-separated scope-tokens", Specs.RFC6749_SCOPE);
                return Optional.empty();
            }
            tokens.add(t);
        }
        return Optional.of(new Scope(tokens));
    }

    /** Writes the metadata: members in RFC 7591 §2 order, then the extensions. */
    public static JsonObject write(ClientMetadata m) {
        JsonObjectBuilder b = JsonP.createObjectBuilder();
        JsonWrites.put(b, "client_id", m.clientId());
        JsonWrites.putList(b, "redirect_uris", m.redirectUris());
        JsonWrites.put(b, "token_endpoint_auth_method", m.tokenEndpointAuthMethod());
        JsonWrites.putList(b, "grant_types", m.grantTypes());
        JsonWrites.putList(b, "response_types", m.responseTypes());
        JsonWrites.put(b, "client_name", m.clientName());
        JsonWrites.put(b, "client_uri", m.clientUri());
        JsonWrites.put(b, "logo_uri", m.logoUri());
        JsonWrites.put(b, "scope", m.scope());
        JsonWrites.putList(b, "contacts", m.contacts());
        JsonWrites.put(b, "tos_uri", m.tosUri());
        JsonWrites.put(b, "policy_uri", m.policyUri());
        JsonWrites.put(b, "jwks_uri", m.jwksUri());
        JsonWrites.put(b, "jwks", m.jwks());
        JsonWrites.put(b, "software_id", m.softwareId());
        JsonWrites.put(b, "software_version", m.softwareVersion());
        JsonWrites.put(b, "software_statement", m.softwareStatement());
        JsonWrites.put(b, "application_type", m.applicationType());
        JsonWrites.put(b, "token_endpoint_auth_signing_alg", m.tokenEndpointAuthSigningAlg());
        JsonWrites.putAll(b, m.extensions());
        return b.build();
    }
}
