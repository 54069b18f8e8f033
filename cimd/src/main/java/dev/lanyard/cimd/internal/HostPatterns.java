package dev.lanyard.cimd.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Host name patterns of a trust policy: {@code example.com} (that host), {@code .example.com} or
 * {@code *.example.com} (every host below it). Matching is on lower-case host names. Internal.
 */
public final class HostPatterns {

    private final List<String> exact;
    private final List<String> suffixes;

    private HostPatterns(List<String> exact, List<String> suffixes) {
        this.exact = exact;
        this.suffixes = suffixes;
    }

    /**
     * Reads patterns.
     *
     * @throws IllegalArgumentException naming the first pattern that is not a host name pattern
     */
    public static HostPatterns of(Collection<String> patterns) {
        List<String> exact = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        for (String raw : patterns) {
            String p = raw.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("*.")) {
                p = p.substring(1);
            }
            boolean suffix = p.startsWith(".");
            String name = suffix ? p.substring(1) : p;
            if (!isHostName(name)) {
                throw new IllegalArgumentException("not a host name pattern: '" + raw
                        + "' (use example.com, .example.com or *.example.com)");
            }
            (suffix ? suffixes : exact).add(suffix ? "." + name : name);
        }
        return new HostPatterns(List.copyOf(exact), List.copyOf(suffixes));
    }

    /** Whether there is no pattern. */
    public boolean isEmpty() {
        return exact.isEmpty() && suffixes.isEmpty();
    }

    /**
     * Whether {@code host} (lower case) matches a pattern. A fully qualified name ({@code example.com.}) is the same
     * host as {@code example.com} here, so a trailing dot cannot slip past a deny-list.
     */
    public boolean matches(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return exact.contains(name) || suffixes.stream().anyMatch(name::endsWith);
    }

    private static boolean isHostName(String name) {
        if (name.isEmpty() || name.length() > 253 || name.startsWith(".") || name.endsWith(".")
                || name.contains("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(exact);
        all.addAll(suffixes);
        return all.toString();
    }
}
