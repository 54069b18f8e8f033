package dev.lanyard.as.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata;

/**
 * The members OpenID Connect Discovery 1.0 §3 requires beyond RFC 8414, for the OpenID Provider role:
 * {@code id_token_signing_alg_values_supported} (the algorithms of the published signing keys) and
 * {@code subject_types_supported: ["public"]}; and {@code request_uri_parameter_supported: false}, whose absence would
 * mean true (§3), with {@code request_parameter_supported: false}: request objects are refused (RFC 9101 §5). They
 * travel as extension members of the metadata.
 */
final class OpenIdMetadata {

    private OpenIdMetadata() {
    }

    static AuthorizationServerMetadata of(AuthorizationServerMetadata metadata, SigningKeys keys) {
        Set<String> algorithms = new LinkedHashSet<>();
        JsonObject jwks = StrictJson.parseObject(keys.publicJwksJson()).orElseThrow();
        for (JsonValue key : jwks.getJsonArray("keys")) {
            if (key instanceof JsonObject k && k.get("alg") instanceof jakarta.json.JsonString alg) {
                algorithms.add(alg.getString());
            }
        }
        if (algorithms.isEmpty()) {
            algorithms.add("ES256");
        }
        JsonArrayBuilder algs = Json.createArrayBuilder();
        algorithms.forEach(algs::add);
        JsonObject json = Json.createObjectBuilder(metadata.toJson())
                .add("id_token_signing_alg_values_supported", algs)
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add("request_parameter_supported", false)
                .add("request_uri_parameter_supported", false)
                .build();
        return AuthorizationServerMetadata.parse(json).orElseThrow();
    }
}
