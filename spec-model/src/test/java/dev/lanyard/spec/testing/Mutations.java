package dev.lanyard.spec.testing;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded random and mutated inputs for property-style tests of parsers: each parser must accept an input or fail
 * with its documented failure type, and never throw anything else.
 */
public final class Mutations {

    private static final String[] FRAGMENTS = {
        "", " ", "\"", "\\", "\\\"", "\u0000", "\r\n", "\t", "%", "%2", "%zz", "%00", "%C3", "%C3%28", "%E2%82", "%FF",
        "+", "&", "=", "&&", "==", "#", "?", "/", "//", "..", "/../", "%2e%2e", "@", ":", "[", "]", "[::1]",
        "{", "}", "[]", "{}", "null", "true", "1e309", "-0", "1.5", "99999999999999999999999", ",", ":",
        "\"a\":", "\"a\":1", ",\"a\":1", "\"\\ud800\"", "\uD800", "\uDFFF", "\uFFFF", "é", "\u202E", "😀",
        "https://", "http://127.0.0.1", "https://example.com/", "urn:x", "javascript:", "data:",
        "Bearer", "bearer ", "realm=", "error=", "scope=\"", "\", ", "=\"\"", "a=b", "S256", "plain",
        "code", "grant_type=", "authorization_code", "client_id=", "resource=", "scope=", "state=",
    };

    private Mutations() {
    }

    /**
     * {@code count} inputs: random mutations of the seeds (splices, deletions, duplications, fragment insertions,
     * truncations) mixed with purely random strings.
     */
    public static List<String> of(long seed, int count, List<String> seeds) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String base = seeds.isEmpty() || r.nextInt(10) == 0 ? randomString(r, r.nextInt(64))
                    : seeds.get(r.nextInt(seeds.size()));
            int rounds = 1 + r.nextInt(4);
            for (int k = 0; k < rounds; k++) {
                base = mutate(r, base, seeds);
            }
            out.add(base);
        }
        return out;
    }

    private static String mutate(Random r, String s, List<String> seeds) {
        int pos = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        switch (r.nextInt(8)) {
            case 0: // insert a fragment
                return s.substring(0, pos) + FRAGMENTS[r.nextInt(FRAGMENTS.length)] + s.substring(pos);
            case 1: // delete a range
                if (s.isEmpty()) {
                    return s;
                }
                int end = Math.min(s.length(), pos + 1 + r.nextInt(8));
                return s.substring(0, Math.min(pos, s.length())) + s.substring(end);
            case 2: // truncate
                return s.substring(0, pos);
            case 3: // duplicate a range
                int to = Math.min(s.length(), pos + r.nextInt(16));
                return s.substring(0, to) + s.substring(pos, to) + s.substring(to);
            case 4: // replace a character with a random one
                if (s.isEmpty()) {
                    return s;
                }
                int at = Math.min(pos, s.length() - 1);
                return s.substring(0, at) + (char) r.nextInt(0x3000) + s.substring(at + 1);
            case 5: // splice two seeds
                if (seeds.isEmpty()) {
                    return s;
                }
                String other = seeds.get(r.nextInt(seeds.size()));
                return s.substring(0, pos) + other.substring(Math.min(other.length(), r.nextInt(other.length() + 1)));
            case 6: // flip ASCII case
                StringBuilder b = new StringBuilder(s);
                for (int i = 0; i < b.length(); i++) {
                    if (r.nextInt(8) == 0) {
                        char c = b.charAt(i);
                        b.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                    }
                }
                return b.toString();
            default: // random ASCII run
                return s.substring(0, pos) + randomString(r, r.nextInt(12)) + s.substring(pos);
        }
    }

    private static String randomString(Random r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(r.nextInt(6) == 0 ? (char) r.nextInt(0x10000) : (char) (0x20 + r.nextInt(0x5F)));
        }
        return b.toString();
    }

    /**
     * Runs {@code parser} on every input; fails the test if it throws anything but one of {@code allowed}.
     *
     * @return how many inputs the parser accepted (so a test can check that the corpus reached valid inputs too)
     */
    @SafeVarargs
    public static int assertOnlyDocumentedFailures(List<String> inputs, Consumer<String> parser,
            Class<? extends RuntimeException>... allowed) {
        int accepted = 0;
        for (String input : inputs) {
            try {
                parser.accept(input);
                accepted++;
            } catch (RuntimeException e) {
                boolean ok = false;
                for (Class<? extends RuntimeException> a : allowed) {
                    ok |= a.isInstance(e);
                }
                if (!ok) {
                    AssertionError err = new AssertionError("undocumented " + e.getClass().getName()
                            + " for input " + escape(input), e);
                    fail(err.getMessage(), err);
                }
            }
        }
        return accepted;
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.append('"').toString();
    }
}
