package dev.lanyard.cimd;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * A client's logo, fetched by the server from the document's {@code logo_uri} through the SSRF-safe fetcher (draft
 * §8.8: pre-fetch logos, so the consent page does not make the user's browser fetch them). Serve the bytes from the
 * server, with the media type given.
 *
 * @param uri       the {@code logo_uri} it came from
 * @param mediaType {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/webp} (never SVG, which can
 *                  carry script)
 * @param bytes     the image
 */
public record ClientLogo(URI uri, String mediaType, byte[] bytes) {

    public ClientLogo {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(mediaType, "mediaType");
        bytes = bytes.clone();
    }

    /** A copy of the image bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientLogo that && uri.equals(that.uri) && mediaType.equals(that.mediaType)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, mediaType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "ClientLogo[" + uri + ", " + mediaType + ", " + bytes.length + " bytes]";
    }
}
