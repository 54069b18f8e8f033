package dev.lanyard.spec.ref;

import java.net.URI;
import java.util.Objects;

/**
 * A pointer to the normative text a rule comes from: a document (RFC or draft revision) and a section.
 *
 * <p>Used at each check site, in {@link dev.lanyard.spec.error.Violation}s and exceptions, so that a failure names the
 * rule it enforces, and as the source of an optional {@code error_uri}.
 *
 * @param document the document, for example {@code "RFC 8414"} or {@code "draft-ietf-oauth-v2-1-16"}
 * @param section  the section, for example {@code "3.3"}, or a draft anchor
 * @param uri      a link to the section
 */
public record SpecRef(String document, String section, URI uri) {

    public SpecRef {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(uri, "uri");
    }

    /** A section of an RFC, linked on rfc-editor.org. */
    public static SpecRef rfc(int number, String section) {
        return new SpecRef("RFC " + number, section,
                URI.create("https://www.rfc-editor.org/rfc/rfc" + number + ".html#section-" + section));
    }

    /** A section of an Internet-Draft revision, linked on the IETF archive. */
    public static SpecRef draft(String nameWithRevision, String section) {
        return new SpecRef(nameWithRevision, section,
                URI.create("https://www.ietf.org/archive/id/" + nameWithRevision + ".html#section-" + section));
    }

    /** A section of a revision of the MCP specification. */
    public static SpecRef mcp(String revision, String page, String section) {
        return new SpecRef("MCP " + revision + " " + page, section,
                URI.create("https://modelcontextprotocol.io/specification/" + revision + "/basic/" + page));
    }

    /** {@code RFC 8414 §3.3}. */
    @Override
    public String toString() {
        return document + " §" + section;
    }
}
