package dev.lanyard.spec.core;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * The parameters of a request (query or {@code application/x-www-form-urlencoded} body) as a multimap, read by the
 * rules every OAuth endpoint shares.
 *
 * <ul>
 *   <li>A parameter with an empty value is treated as absent (OAuth 2.1 §3.1, §3.2).</li>
 *   <li>A single-valued parameter sent more than once is {@code invalid_request} (RFC 6749 §3.1, OAuth 2.1 §3.1).</li>
 *   <li>Unknown parameters are kept but ignored by the readers.</li>
 *   <li>Bodies are percent-decoded, then decoded as UTF-8; malformed input is {@code invalid_request}.</li>
 *   <li>The number of parameters and the size of the input are capped (INP-03 of the project's checklist).</li>
 * </ul>
 */
public final class FormParameters {

    /** The most distinct parameters one request may carry. */
    public static final int MAX_PARAMETERS = 100;
    /** The most values one request may carry in total. */
    public static final int MAX_VALUES = 200;
    /** The largest encoded form accepted, in characters. */
    public static final int MAX_ENCODED_LENGTH = 64 * 1024;

    private static final SpecRef FORM = SpecRef.rfc(6749, "B");

    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** No parameters. */
    public static FormParameters empty() {
        return new FormParameters(Map.of());
    }

    /**
     * Copies a multimap (for example a JAX-RS {@code MultivaluedMap}), enforcing the caps.
     *
     * @throws OAuthException {@code invalid_request} when a cap is exceeded or a name or value is {@code null}
     */
    public static FormParameters of(Map<String, ? extends List<String>> multimap) {
        if (multimap.size() > MAX_PARAMETERS) {
            throw tooMany();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        int count = 0;
        long length = 0;
        for (Map.Entry<String, ? extends List<String>> e : multimap.entrySet()) {
            // List.contains(null) throws on immutable lists (List.of), so look for nulls by hand
            if (e.getKey() == null || e.getValue() == null || e.getValue().stream().anyMatch(Objects::isNull)) {
                throw OAuthException.invalidRequest("Malformed parameters", FORM);
            }
            count += e.getValue().size();
            length += e.getKey().length();
            for (String v : e.getValue()) {
                length += v.length() + 2;
            }
            if (count > MAX_VALUES) {
                throw tooMany();
            }
            if (length > MAX_ENCODED_LENGTH) {
                throw tooLarge();
            }
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return new FormParameters(Collections.unmodifiableMap(copy));
    }

    /**
     * Parses {@code application/x-www-form-urlencoded} text (also a URI query).
     *
     * @throws OAuthException {@code invalid_request} when the text is malformed (bad percent-encoding, bad UTF-8) or
     *                        exceeds a cap
     */
    public static FormParameters parse(String encoded) {
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw tooLarge();
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        int count = 0;
        if (!encoded.isEmpty()) {
            for (String pair : encoded.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                if (++count > MAX_VALUES) {
                    throw tooMany();
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                if (map.size() > MAX_PARAMETERS) {
                    throw tooMany();
                }
            }
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return new FormParameters(Collections.unmodifiableMap(map));
    }

    private static OAuthException tooMany() {
        return OAuthException.invalidRequest("Too many parameters", FORM);
    }

    private static OAuthException tooLarge() {
        return OAuthException.invalidRequest("Request parameters too large", FORM);
    }

    // WHATWG / HTML form decoding: '+' is a space, %XX are UTF-8 octets; anything malformed is refused, not repaired.
    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0 && isWellFormedUtf16(s)) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                    throw OAuthException.invalidRequest("Malformed percent-encoding", FORM);
                }
                out.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c)) {
                    if (i + 1 < s.length() && Character.isHighSurrogate(c) && Character.isLowSurrogate(s.charAt(i + 1))) {
                        raw = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                        i++;
                    } else {
                        throw OAuthException.invalidRequest("Malformed UTF-8", FORM);
                    }
                }
                out.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw OAuthException.invalidRequest("Malformed UTF-8", FORM);
        }
    }

    private static boolean isWellFormedUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * A single-valued parameter. Empty means absent; a repeat is an error.
     *
     * @throws OAuthException {@code invalid_request} naming the parameter when it appears more than once
     */
    public Optional<String> get(String name) {
        List<String> v = values.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (v.size() > 1) {
            // RFC 6749 §3.1, OAuth 2.1 §3.1: request and response parameters MUST NOT be included more than once
            throw OAuthException.invalidRequest("Parameter " + name + " is repeated", Specs.OAUTH21_PARAMETERS);
        }
        return v.get(0).isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * A single-valued parameter that must be present.
     *
     * @throws OAuthException {@code invalid_request} naming the parameter and {@code rule} when it is missing, empty or
     *                        repeated
     */
    public String require(String name, SpecRef rule) {
        return get(name).orElseThrow(() -> OAuthException.invalidRequest("Missing parameter " + name, rule));
    }

    /**
     * A single-valued parameter with a length cap.
     *
     * @throws OAuthException {@code invalid_request} when it is longer than {@code maxLength} or repeated
     */
    public Optional<String> get(String name, int maxLength) {
        Optional<String> v = get(name);
        if (v.isPresent() && v.get().length() > maxLength) {
            throw OAuthException.invalidRequest("Parameter " + name + " is too long", FORM);
        }
        return v;
    }

    /** Every non-empty value of a parameter that may repeat (for example {@code resource}, RFC 8707 §2). */
    public List<String> getAll(String name) {
        List<String> v = values.get(name);
        return v == null ? List.of() : v.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Whether the parameter is present with a non-empty value (repeats included). */
    public boolean has(String name) {
        return !getAll(name).isEmpty();
    }

    /** The names of all parameters, in the order first seen. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The multimap, unmodifiable. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /** These parameters without {@code names}. */
    public FormParameters without(Set<String> names) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.keySet().removeAll(names);
        return new FormParameters(Collections.unmodifiableMap(copy));
    }

    /** The {@code application/x-www-form-urlencoded} encoding, UTF-8, spaces as {@code +}. */
    public String toUrlEncoded() {
        StringJoiner j = new StringJoiner("&");
        values.forEach((k, vs) -> vs.forEach(v ->
                j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return j.toString();
    }

    /** A builder; empty and absent values are skipped, so what is built reads back the same. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormParameters f && values.equals(f.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Values are not shown: parameters may hold codes, secrets and tokens. */
    @Override
    public String toString() {
        return "FormParameters" + values.keySet();
    }

    /** Builds parameters in order. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a value; an empty value is skipped. */
        public Builder add(String name, String value) {
            if (!value.isEmpty()) {
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            return this;
        }

        /** Adds a value if present. */
        public Builder add(String name, Optional<?> value) {
            value.ifPresent(v -> add(name, v.toString()));
            return this;
        }

        /** Adds every value. */
        public Builder addAll(String name, List<?> vs) {
            vs.forEach(v -> add(name, v.toString()));
            return this;
        }

        /** The parameters built. */
        public FormParameters build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new FormParameters(Collections.unmodifiableMap(copy));
        }
    }
}
