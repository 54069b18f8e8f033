package dev.lanyard.spec.authz;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * A registered redirect URI, and the one place requested redirect URIs are compared with it.
 *
 * <p>{@link #matches(String)} is RFC 3986 §6.2.1 simple string comparison: no case folding, no default-port or
 * trailing-slash tolerance, no percent-decoding or dot-segment removal, no query reordering, no wildcards. The one
 * exception: when the registered URI is {@code http} on the literal host {@code 127.0.0.1}, {@code [::1]} or
 * {@code localhost}, any port (or none) is accepted at request time; scheme, host literal, path and query still match
 * exactly. Host names are never resolved, so {@code localhost} matches only a registered {@code localhost}.
 *
 * <p>The canonical constructor accepts only values that pass {@link #validateForRegistration(String)}.
 *
 * <p>Specifications: {@value Specs#OAUTH21} §1.5, §2.3, §2.3.1, §2.3.2, §4.1.1, §8.4.2, §8.4.3; RFC 8252 §7.3,
 * §8.3; RFC 3986 §6.2.1; RFC 9700 §2.1, §2.6, §4.1.
 *
 * @param value the redirect URI, exactly as registered
 */
public record RedirectUri(String value) {

    /** The longest redirect URI accepted, in characters. */
    public static final int MAX_LENGTH = 2048;

    /** Script-capable or local schemes, refused at registration and at request time (RU-05). */
    private static final Set<String> REFUSED_SCHEMES =
            Set.of("javascript", "data", "vbscript", "file", "blob", "about");
    private static final List<String> LOOPBACK_HOSTS = List.of("127.0.0.1", "[::1]", "localhost");
    private static final SpecRef RFC3986_URI = SpecRef.rfc(3986, "3");
    private static final SpecRef RFC3986_USERINFO = SpecRef.rfc(3986, "3.2.1");
    private static final SpecRef TRANSPORT = SpecRef.draft(Specs.OAUTH21, "1.5");
    private static final SpecRef PRIVATE_USE_SCHEME = SpecRef.draft(Specs.OAUTH21, "8.4.3");
    private static final SpecRef UNSAFE_SCHEME = SpecRef.rfc(9700, "4.1");

    public RedirectUri {
        Objects.requireNonNull(value, "value");
        Violations v = validateForRegistration(value);
        if (!v.isEmpty()) {
            throw new IllegalArgumentException("not a valid redirect URI: " + v);
        }
    }

    /** Reads a redirect URI for registration: the value, or every rule it breaks. */
    public static Parsed<RedirectUri> parse(String value) {
        Violations v = validateForRegistration(value);
        return v.isEmpty() ? Parsed.ok(new RedirectUri(value)) : new Parsed.Invalid<>(v);
    }

    /**
     * The rules a redirect URI breaks at registration, with empty pointers (prefix them, for example with
     * {@code /redirect_uris/0}). Never throws on any string.
     *
     * <ul>
     *   <li>absolute, no fragment, printable ASCII, at most {@link #MAX_LENGTH} characters (RU-01);</li>
     *   <li>no {@code javascript}, {@code data}, {@code vbscript}, {@code file}, {@code blob}, {@code about} scheme
     *       (RU-05);</li>
     *   <li>{@code http} only on the loopback host literals {@code 127.0.0.1}, {@code [::1]} and {@code localhost};
     *       {@code https} with a host; no userinfo (RU-04);</li>
     *   <li>any other scheme is private-use and must be a reverse domain name, so it contains a {@code .} (RU-04: a
     *       SHOULD that Lanyard enforces).</li>
     * </ul>
     */
    public static Violations validateForRegistration(String value) {
        Violations.Collector v = Violations.collector();
        Violation malformed = requestViolation(value);
        if (malformed != null) {
            return v.add(malformed.pointer(), malformed.message(), malformed.rule()).build();
        }
        URI uri = URI.create(value);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            v.add("", "must not include userinfo", RFC3986_USERINFO);
        }
        if (scheme.equals("https")) {
            if (uri.getHost() == null) {
                v.add("", "must name a valid host (no wildcards)", Specs.OAUTH21_REDIRECT_REGISTRATION);
            }
        } else if (scheme.equals("http")) {
            if (loopbackHost(value) == null) {
                // OAuth 2.1 §1.5, RFC 9700 §2.6: http only for loopback interface redirect URIs
                v.add("", "may use http only as http://127.0.0.1, http://[::1] or http://localhost", TRANSPORT);
            }
        } else if (scheme.indexOf('.') < 0) {
            // OAuth 2.1 §2.3.1: a private-use scheme without a period SHOULD be rejected
            v.add("", "a private-use scheme must be a reverse domain name, such as com.example.app",
                    PRIVATE_USE_SCHEME);
        }
        return v.build();
    }

    /**
     * What makes a requested {@code redirect_uri} malformed, or {@code null}: not an absolute URI of printable ASCII,
     * a fragment, too long, or a refused scheme. The message names no input.
     */
    static Violation requestViolation(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return new Violation("", "must be a URI of 1 to " + MAX_LENGTH + " characters", Specs.OAUTH21_REDIRECT_URI);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return new Violation("", "must be printable ASCII without spaces", RFC3986_URI);
            }
        }
        if (value.indexOf('#') >= 0) {
            // OAuth 2.1 §2.3: the redirect URI MUST NOT include a fragment component
            return new Violation("", "must not include a fragment", Specs.OAUTH21_REDIRECT_URI);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return new Violation("", "is not a URI", RFC3986_URI);
        }
        if (!uri.isAbsolute()) {
            // OAuth 2.1 §2.3: the redirect URI MUST be an absolute URI (RFC 3986 §4.3)
            return new Violation("", "must be an absolute URI", Specs.OAUTH21_REDIRECT_URI);
        }
        if (REFUSED_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return new Violation("", "must not use a script-capable or local scheme", UNSAFE_SCHEME);
        }
        return null;
    }

    /**
     * Whether a requested {@code redirect_uri} matches this registered one: exactly, or for a loopback redirect URI
     * exactly but for the port. Never throws.
     */
    public boolean matches(String requested) {
        if (value.equals(requested)) {
            return true;
        }
        String host = loopbackHost(value);
        if (host == null || requested.length() > MAX_LENGTH) {
            return false;
        }
        String prefix = value.substring(0, "http://".length() + host.length());
        String rest = value.substring(prefix.length());
        if (rest.startsWith(":")) {
            rest = rest.substring(1 + digits(rest, 1));
        }
        if (!requested.startsWith(prefix)) {
            return false;
        }
        String tail = requested.substring(prefix.length());
        if (tail.startsWith(":")) {
            int n = digits(tail, 1);
            // a port: 1 to 5 digits, no leading zero, at most 65535
            if (n == 0 || n > 5 || tail.charAt(1) == '0' || Integer.parseInt(tail.substring(1, 1 + n)) > 65535) {
                return false;
            }
            tail = tail.substring(1 + n);
        }
        return tail.equals(rest);
    }

    /** Whether this is a loopback redirect URI, whose port is free at request time (OAuth 2.1 §8.4.2). */
    public boolean isLoopback() {
        return loopbackHost(value) != null;
    }

    /**
     * The redirect URI an authorization request uses (RU-02, RU-06, RU-07): the requested one when it matches a
     * registered one (with the port the request gave), or the only registered one when none was requested.
     *
     * @throws OAuthException {@code invalid_request} when nothing matches, or when none was requested and not exactly
     *                        one is registered. Such an error MUST NOT be redirected (OAuth 2.1 §4.1.2.1).
     */
    public static String select(List<RedirectUri> registered, Optional<String> requested) {
        if (requested.isPresent()) {
            for (RedirectUri r : registered) {
                if (r.matches(requested.get())) {
                    return requested.get();
                }
            }
            throw OAuthException.invalidRequest("Parameter redirect_uri does not match a registered redirect URI",
                    Specs.OAUTH21_REDIRECT_REGISTRATION);
        }
        if (registered.size() != 1) {
            throw OAuthException.invalidRequest("Missing parameter redirect_uri", Specs.OAUTH21_MULTIPLE_REDIRECT_URIS);
        }
        return registered.get(0).value();
    }

    @Override
    public String toString() {
        return value;
    }

    // The host literal of "http://<host>[:port]..." when it is a loopback literal, else null. Case-sensitive.
    private static String loopbackHost(String s) {
        if (!s.startsWith("http://")) {
            return null;
        }
        for (String host : LOOPBACK_HOSTS) {
            if (s.startsWith(host, 7)) {
                int end = 7 + host.length();
                if (end == s.length() || s.charAt(end) == '/' || s.charAt(end) == '?') {
                    return host;
                }
                if (s.charAt(end) == ':') {
                    int n = digits(s, end + 1);
                    int after = end + 1 + n;
                    if (n <= 5 && (after == s.length() || s.charAt(after) == '/' || s.charAt(after) == '?')) {
                        return host;
                    }
                }
            }
        }
        return null;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
