package dev.lanyard.as.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The JSON a registration needs beyond the metadata: its canonical form (members sorted at every level) and the
 * fingerprint of the software that registers, which bounds identical unused registrations.
 */
final class RegistrationJson {

    private RegistrationJson() {
    }

    /**
     * The fingerprint of a registration's metadata: SHA-256 (base64url) of its canonical form, which includes
     * {@code software_id} and {@code software_version} when sent. Two registrations with the same members and values,
     * in any member order, have the same fingerprint.
     */
    static String fingerprint(JsonObject metadata) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(metadata).toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** {@code value} with the members of every object sorted by name; arrays keep their order. */
    static JsonValue canonical(JsonValue value) {
        if (value instanceof JsonObject o) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> e : new TreeMap<>(o).entrySet()) {
                b.add(e.getKey(), canonical(e.getValue()));
            }
            return b.build();
        }
        if (value instanceof JsonArray a) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            a.forEach(v -> b.add(canonical(v)));
            return b.build();
        }
        return value;
    }
}
