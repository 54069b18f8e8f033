package dev.lanyard.grants.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.spec.core.FormParameters;

/** Builds request parameters and headers for tests. */
public final class Forms {

    private Forms() {
    }

    /** Parameters from name, value pairs (a name may repeat). */
    public static FormParameters form(String... pairs) {
        Map<String, java.util.ArrayList<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return FormParameters.of(copy);
    }

    /** {@code Basic base64(id:secret)} with each part form-urlencoded first (RFC 6749 §2.3.1). */
    public static String basic(String clientId, String secret) {
        String pair = java.net.URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
