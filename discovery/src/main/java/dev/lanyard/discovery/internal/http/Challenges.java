package dev.lanyard.discovery.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits {@code WWW-Authenticate} field values into challenges (RFC 9110 §11.6.1): a field may carry several
 * challenges, separated by the same commas that separate auth-params, and a response may carry several fields.
 * Quoted strings (with their escapes) are kept intact. Malformed pieces are dropped, never thrown: a client falls
 * back to well-known discovery when no usable challenge is found.
 */
public final class Challenges {

    /** One challenge: its scheme as sent, and its text ({@code scheme param=value, …}) to hand to a parser. */
    public record Challenge(String scheme, String text) {
        /** Whether the scheme is {@code name}, compared case-insensitively (RFC 9110 §11.1). */
        public boolean is(String name) {
            return scheme.equalsIgnoreCase(name);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern PARAM_START = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+[ \\t]*=.*", Pattern.DOTALL);
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    private static final int MAX_FIELD_LENGTH = 8 * 1024;

    private Challenges() {
    }

    /** Every challenge of every field value, in order. */
    public static List<Challenge> split(List<String> fieldValues) {
        List<Challenge> out = new ArrayList<>();
        for (String value : fieldValues) {
            if (value != null && value.length() <= MAX_FIELD_LENGTH) {
                splitField(value, out);
            }
        }
        return List.copyOf(out);
    }

    /** The first challenge with scheme {@code name}. */
    public static Optional<Challenge> find(List<String> fieldValues, String name) {
        return split(fieldValues).stream().filter(c -> c.is(name)).findFirst();
    }

    private static void splitField(String value, List<Challenge> out) {
        String scheme = null;
        StringBuilder text = null;
        boolean token68 = false;
        for (String element : elements(value)) {
            if (element.isEmpty()) {
                continue;
            }
            if (PARAM_START.matcher(element).matches() && scheme != null && !token68) {
                text.append(text.length() == scheme.length() ? " " : ", ").append(element);
                continue;
            }
            int space = indexOfWhitespace(element);
            String head = space < 0 ? element : element.substring(0, space);
            if (!TOKEN.matcher(head).matches()) {
                // not a challenge start and not a parameter we can attach: drop the rest of this challenge
                emit(scheme, text, out);
                scheme = null;
                text = null;
                continue;
            }
            emit(scheme, text, out);
            scheme = head;
            text = new StringBuilder(head);
            String rest = space < 0 ? "" : element.substring(space).strip();
            // token68 allows '=' only as trailing padding, so "realm=x" is never one
            token68 = TOKEN68.matcher(rest).matches();
            if (!rest.isEmpty()) {
                text.append(' ').append(rest);
            }
        }
        emit(scheme, text, out);
    }

    private static void emit(String scheme, StringBuilder text, List<Challenge> out) {
        if (scheme != null) {
            out.add(new Challenge(scheme, text.toString()));
        }
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    /** Comma-separated elements outside quoted strings, stripped. */
    private static List<String> elements(String value) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ',' && !quoted) {
                elements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        elements.add(current.toString().strip());
        return elements;
    }
}
