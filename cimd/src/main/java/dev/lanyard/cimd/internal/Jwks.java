package dev.lanyard.cimd.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.Set;

/** Checks on JSON Web Keys shared by the CIMD and registration validators. Internal. */
public final class Jwks {

    // RFC 7517 §6.3.2, §6.4 and RFC 8037 §2: private RSA, EC and OKP members; RFC 7518 §6.4.1 "k": symmetric key
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private Jwks() {
    }

    /** Whether a JWK holds private or symmetric key material. */
    public static boolean isPrivate(JsonObject key) {
        if (key.get("kty") instanceof JsonString kty && kty.getString().equals("oct")) {
            return true;
        }
        return key.keySet().stream().anyMatch(PRIVATE_MEMBERS::contains);
    }
}
