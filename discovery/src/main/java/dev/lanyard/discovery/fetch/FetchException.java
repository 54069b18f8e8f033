package dev.lanyard.discovery.fetch;

import java.io.Serial;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * A fetch that {@link SafeFetcher} refused or could not complete. The message names the URL and the rule; no body
 * content is ever echoed.
 */
public final class FetchException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why a fetch failed; each names the rule it enforces where one exists. */
    public enum Reason {
        /** Not an absolute http(s) URL with a host, or it carries userinfo or an ambiguous numeric host. */
        INVALID_URL("not a fetchable URL", SpecRef.rfc(3986, "3")),
        /** A scheme other than https (plain http is only allowed to loopback, when the policy allows loopback). */
        SCHEME_REFUSED("https is required", SpecRef.draft(Specs.OAUTH21, "1.5")),
        /** A port outside the policy's allowed ports. */
        PORT_REFUSED("port not allowed by the fetch policy", null),
        /** The host does not resolve. */
        UNKNOWN_HOST("host does not resolve", null),
        /** The host is, or resolves to (in any of its answers), a special-use address. */
        SPECIAL_USE_ADDRESS("special-use address refused", SpecRef.rfc(6890, "2.2")),
        /** No TCP connection could be made. */
        CONNECT_FAILED("connection failed", null),
        /** The TLS handshake failed (certificate not trusted, wrong host name, …). */
        TLS("TLS handshake failed", SpecRef.rfc(9525, "6")),
        /** The connect timeout or the total timeout passed. */
        TIMEOUT("timed out", null),
        /** The body is larger than the policy's cap. */
        BODY_TOO_LARGE("body larger than the cap", null),
        /** A redirect that is not followed: none allowed, another origin, or too many. */
        REDIRECT_REFUSED("redirect not followed", null),
        /** A successful answer whose media type the policy does not accept. */
        CONTENT_TYPE_REFUSED("unexpected content type", null),
        /** Any other I/O failure while talking to the server. */
        IO_ERROR("I/O error", null);

        private final String summary;
        private final SpecRef rule;

        Reason(String summary, SpecRef rule) {
            this.summary = summary;
            this.rule = rule;
        }

        /** A few words describing the reason. */
        public String summary() {
            return summary;
        }

        /** The section that requires the refusal, if one does (some refusals are the library's own policy). */
        public Optional<SpecRef> rule() {
            return Optional.ofNullable(rule);
        }
    }

    private final URI uri;
    private final Reason reason;
    private final String detail;

    /**
     * @param uri    the URL being fetched
     * @param reason why it failed
     * @param detail what exactly, in words a user can act on (never body content)
     * @param cause  the underlying exception, if any
     */
    public FetchException(URI uri, Reason reason, String detail, Throwable cause) {
        super(message(uri, reason, detail), cause);
        this.uri = Objects.requireNonNull(uri, "uri");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** A failure without an underlying exception. */
    public FetchException(URI uri, Reason reason, String detail) {
        this(uri, reason, detail, null);
    }

    /** The URL being fetched when the failure happened. */
    public URI uri() {
        return uri;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }

    /** What exactly failed, without the URL and rule the message adds. */
    public String detail() {
        return detail;
    }

    private static String message(URI uri, Reason reason, String detail) {
        String rule = reason.rule().map(r -> " (" + r + ")").orElse("");
        return "GET " + uri + ": " + reason + ": " + detail + rule;
    }
}
