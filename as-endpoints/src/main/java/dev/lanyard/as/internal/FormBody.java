package dev.lanyard.as.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * Reads {@code application/x-www-form-urlencoded} request bodies itself, so that the spec-model's rules apply to the
 * exact bytes sent: a repeated parameter is seen as repeated, malformed UTF-8 and percent-encoding are refused, and
 * the size is capped before anything is parsed.
 */
public final class FormBody {

    private static final SpecRef FORM = SpecRef.rfc(6749, "B");
    private static final MediaType FORM_TYPE = MediaType.APPLICATION_FORM_URLENCODED_TYPE;

    private FormBody() {
    }

    /**
     * The parameters of a form body.
     *
     * @throws OAuthException {@code invalid_request} for another content type (OAuth 2.1 §3.2.2) or a malformed
     *                        body; with status 413 for a body over {@link FormParameters#MAX_ENCODED_LENGTH} bytes
     */
    public static FormParameters read(MediaType type, InputStream body) {
        if (type == null || !FORM_TYPE.isCompatible(type) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw OAuthException.invalidRequest("Content-Type must be application/x-www-form-urlencoded",
                    Specs.OAUTH21_TOKEN_REQUEST);
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw OAuthException.invalidRequest("The form must be encoded in UTF-8", FORM);
        }
        return FormParameters.parse(text(body));
    }

    /** The parameters of a request URI's query ({@code rawQuery} may be null). */
    public static FormParameters query(String rawQuery) {
        return FormParameters.parse(rawQuery == null ? "" : rawQuery);
    }

    /**
     * The parameters of a POST to the authorization endpoint: its query and its body as one multimap, so that a
     * parameter sent in both is repeated.
     */
    public static FormParameters queryAndBody(String rawQuery, MediaType type, InputStream body) {
        FormParameters form = read(type, body);
        if (rawQuery == null || rawQuery.isEmpty()) {
            return form;
        }
        String encoded = form.toUrlEncoded();
        return FormParameters.parse(encoded.isEmpty() ? rawQuery : rawQuery + "&" + encoded);
    }

    /** Whether the query carries client credentials, which are refused there (OAuth 2.1 §2.4.1; A-027). */
    public static boolean credentialsIn(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            Optional<String> decoded = decodeName(name);
            if (decoded.isPresent() && switch (decoded.get()) {
                case "client_id", "client_secret", "client_assertion", "client_assertion_type" -> true;
                default -> false;
            }) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> decodeName(String name) {
        try {
            return FormParameters.parse(name + "=x").names().stream().findFirst();
        } catch (OAuthException e) {
            return Optional.empty();
        }
    }

    private static String text(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(FormParameters.MAX_ENCODED_LENGTH + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > FormParameters.MAX_ENCODED_LENGTH) {
            // INP-03: a body over the cap is refused, never truncated
            throw new OAuthException(OAuthError.INVALID_REQUEST.withDescription("Request body too large")
                    .withStatus(413), FORM, null);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw OAuthException.invalidRequest("Malformed UTF-8", FORM);
        }
    }
}
