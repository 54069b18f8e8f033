package dev.lanyard.discovery.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random and mutated strings for property tests of the discovery module's header and URL readers. */
public final class Fuzz {

    private static final String[] FRAGMENTS = {
        "", " ", "\t", "\"", "\\", "\\\"", ",", ", ", ",,", "=", "==", "\"\"", "\r\n", "\u0000", "é", "😀", "\uD800",
        "Bearer", "bearer ", "DPoP ", "Basic ", "realm=", "scope=\"", "resource_metadata=\"", "error=\"invalid_token\"",
        "https://", "http://127.0.0.1", "https://h/mcp", "/.well-known/", "%2e%2e", "..", "?", "#", "[::1]", ":443",
        "max-age=", "no-store", "private", "0", "-1", "99999999999", "Age", "GMT", "Thu, 01 Jan 1970 00:00:00 GMT",
    };

    private Fuzz() {
    }

    /** {@code count} strings: mutations (insert, delete, duplicate, truncate, splice) of the seeds, and random ones. */
    public static List<String> of(long seed, int count, List<String> seeds) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String s = seeds.isEmpty() || r.nextInt(10) == 0 ? random(r, r.nextInt(48))
                    : seeds.get(r.nextInt(seeds.size()));
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
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
