package dev.lanyard.as.internal;

import java.net.URI;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The responses of the front channel (authorization, consent, login-facing pages): HTML pages and redirects, with the
 * headers every such response carries.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: no script, no inline style, forms only to this server, never framed
 *       (RFC 9700 §4.16; OAuth 2.1 §7.11);</li>
 *   <li>{@code X-Frame-Options: DENY} for older browsers;</li>
 *   <li>{@code Referrer-Policy: no-referrer} (RFC 9700 §4.2.4: no code or state in a {@code Referer});</li>
 *   <li>{@code Cache-Control: no-store}; {@code X-Content-Type-Options: nosniff};</li>
 *   <li>never a CORS header (OAuth 2.1 §3.1: the authorization endpoint is not for scripts).</li>
 * </ul>
 */
public final class Pages {

    /** The policy of every page. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private Pages() {
    }

    /** An HTML page with {@code status}. */
    public static Response page(int status, String html) {
        return secured(Response.status(status).type(HTML).entity(html)).build();
    }

    /**
     * A redirect to {@code location}: 303 after a POST (never 307 or 308, which would replay a posted form to the
     * client: OAuth 2.1 §7.5.3, RFC 9700 §4.12), 302 after a GET.
     */
    public static Response redirect(String location, boolean afterPost) {
        return secured(Response.status(afterPost ? 303 : 302).location(URI.create(location))).build();
    }

    /** The headers of the front channel on any response. */
    public static Response.ResponseBuilder secured(Response.ResponseBuilder b) {
        return b.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
    }
}
