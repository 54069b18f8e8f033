package dev.lanyard.grants.internal.auth;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.Vschar;
import dev.lanyard.spec.error.OAuthException;

/**
 * {@code client_secret_basic} credentials: RFC 6749 §2.3.1 (kept by OAuth 2.1 §2.4.1): the client id and secret are
 * each form-urlencoded, then joined by a colon and sent as HTTP Basic (RFC 7617).
 *
 * @param clientId the decoded client id
 * @param secret   the decoded secret
 */
public record BasicCredentials(String clientId, String secret) {

    /** The longest header value looked at. */
    public static final int MAX_LENGTH = 4096;

    /** Whether {@code header} uses the Basic scheme (case-insensitive, RFC 7235 §2.1). */
    public static boolean isBasic(String header) {
        return header.length() > 6 && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /**
     * Decodes a Basic header value.
     *
     * @return the credentials, or empty when the value is malformed: bad base64, not UTF-8, no colon, bad
     *         percent-encoding, an empty id or secret, an id or secret that is not VSCHAR
     */
    public static Optional<BasicCredentials> parse(String header) {
        if (!isBasic(header) || header.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String decoded;
        try {
            byte[] raw = Base64.getDecoder().decode(header.substring(6).strip());
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return Optional.empty();
        }
        try {
            // RFC 6749 §2.3.1: each part is application/x-www-form-urlencoded before Basic encoding
            FormParameters p = FormParameters.parse("i=" + escapeAmpersands(decoded.substring(0, colon)) + "&s="
                    + escapeAmpersands(decoded.substring(colon + 1)));
            String id = p.get("i").orElseThrow();
            String secret = p.get("s").orElseThrow();
            // RFC 6749 Appendix A: client-id and client-secret are *VSCHAR; a NUL or control character never reaches
            // a client lookup (PostgreSQL refuses U+0000 in a query)
            return isVschars(id) && isVschars(secret) ? Optional.of(new BasicCredentials(id, secret))
                    : Optional.empty();
        } catch (OAuthException | java.util.NoSuchElementException e) {
            // malformed percent-encoding or an empty part: not usable credentials
            return Optional.empty();
        }
    }

    /** Whether {@code value} has only {@code %x20-7E} characters (VSCHAR, RFC 6749 Appendix A). */
    static boolean isVschars(String value) {
        return Vschar.only(value);
    }

    // a raw '&' or '=' in a part would split the form: keep it literal
    private static String escapeAmpersands(String part) {
        return part.replace("&", "%26").replace("=", "%3D");
    }

    /** The secret is not shown. */
    @Override
    public String toString() {
        return "BasicCredentials[clientId=" + clientId + "]";
    }
}
