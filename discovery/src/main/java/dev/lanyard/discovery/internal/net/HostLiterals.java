package dev.lanyard.discovery.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises IP literals in URL hosts and parses them without any DNS lookup. */
public final class HostLiterals {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    // inet_aton(3) reads 0x and 0X alike
    private static final Pattern NUMERIC_ISH = Pattern.compile("(0[xX][0-9a-fA-F]*|[0-9]+)(\\.(0[xX][0-9a-fA-F]*|[0-9]*))*");

    private HostLiterals() {
    }

    /** The host without IPv6 brackets. */
    public static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Whether a host looks numeric but is not a canonical dotted quad ({@code 127.1}, {@code 2130706433},
     * {@code 0x7f.0.0.1}, {@code 010.0.0.1}): resolvers and URL parsers disagree on those, so they are refused.
     */
    public static boolean isAmbiguousNumeric(String host) {
        return NUMERIC_ISH.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches();
    }

    /**
     * The address of an IP literal host ({@code 10.0.0.1}, {@code [::1]}, {@code ::1}), or empty for a name.
     *
     * @throws UnknownHostException if it looks like an IPv6 literal but is not one
     */
    public static Optional<InetAddress> parse(String host) throws UnknownHostException {
        String bare = unbracket(host);
        if (DOTTED_QUAD.matcher(bare).matches()) {
            String[] parts = bare.split("\\.");
            byte[] raw = new byte[4];
            for (int i = 0; i < 4; i++) {
                raw[i] = (byte) Integer.parseInt(parts[i]);
            }
            return Optional.of(InetAddress.getByAddress(bare, raw));
        }
        if (bare.contains(":")) {
            // bracketed form: the JDK parses it as a literal and never asks DNS
            return Optional.of(InetAddress.getAllByName("[" + bare + "]")[0]);
        }
        return Optional.empty();
    }
}
