package dev.lanyard.cimd.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random and mutated strings for the property tests of URL and document readers. */
public final class Fuzz {

    private static final String[] FRAGMENTS = {
        "", " ", "\t", "\"", "\\", "\\\"", "\u0000", "\r\n", "é", "😀", "\uD800", "\u202E", "%", "%2e", "%2E", "%2f",
        "%5c", "%zz", "%00", ".", "..", "/./", "/../", "//", "#", "#f", "?", "?q=1", "@", "u:p@", ":", ":443", ":0",
        ":65536", "[", "]", "[::1]", "https://", "http://", "HTTPS://", "https:", "cimd.example.test", "/app",
        "{", "}", "[]", "{}", ",", "null", "true", "1e309", "\"client_id\":", "\"client_secret\":\"x\"",
        "\"redirect_uris\":[\"javascript:alert(1)\"]", "\"jwks\":{\"keys\":[{\"kty\":\"oct\",\"k\":\"x\"}]}",
        "\"token_endpoint_auth_method\":\"client_secret_basic\"", "\"token_endpoint_auth_method\":\"private_key_jwt\"",
        "\"token_endpoint_auth_methods_supported\":[\"none\"]", "\"client_name\":\"\"", "\"logo_uri\":\"http://x\"",
    };

    private Fuzz() {
    }

    /** {@code count} strings: mutations (insert, delete, duplicate, truncate, splice) of the seeds, and random ones. */
    public static List<String> of(long seed, int count, List<String> seeds) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String s = seeds.isEmpty() || r.nextInt(10) == 0 ? random(r, r.nextInt(64))
                    : seeds.get(r.nextInt(seeds.size()));
            for (int k = r.nextInt(4); k > 0; k--) {
                s = mutate(r, s, seeds);
            }
            out.add(s);
        }
        return out;
    }

    private static String mutate(Random r, String s, List<String> seeds) {
        int pos = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        return switch (r.nextInt(5)) {
            case 0 -> s.substring(0, pos) + FRAGMENTS[r.nextInt(FRAGMENTS.length)] + s.substring(pos);
            case 1 -> s.isEmpty() ? s : s.substring(0, pos) + s.substring(Math.min(s.length(), pos + 1 + r.nextInt(6)));
            case 2 -> s.substring(0, pos) + s.substring(0, pos) + s.substring(pos);
            case 3 -> s.substring(0, pos);
            default -> seeds.isEmpty() ? s : s.substring(0, pos) + seeds.get(r.nextInt(seeds.size()));
        };
    }

    private static String random(Random r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x3000) : (char) (0x20 + r.nextInt(0x5f)));
        }
        return b.toString();
    }
}
