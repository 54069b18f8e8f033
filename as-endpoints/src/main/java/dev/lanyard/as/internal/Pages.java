package dev.lanyard.as.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+]");

    private Pages() {
    }

    /**
     * An HTML page with {@code status}. The entity is bytes, not a {@code String}: RESTEasy (Open Liberty, WildFly)
     * escapes a {@code String} entity of a 400 {@code text/html} response, which would show the page as text.
     */
    public static Response page(int status, String html) {
        return secured(Response.status(status).type(HTML).entity(html.getBytes(StandardCharsets.UTF_8))).build();
    }

    /**
     * The consent page, whose answer is redirected to {@code redirectUri}: its {@code form-action} also allows that
     * redirect's origin (or private-use scheme), since browsers check {@code form-action} on every redirect that
     * follows a form submission (CSP Level 3 §6.4.1); with {@code 'self'} alone, the approval never reaches the client.
     */
    public static Response consentPage(String html, String redirectUri) {
        return secured(Response.status(200).type(HTML).entity(html.getBytes(StandardCharsets.UTF_8)),
                CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self'"
                        + formActionSource(redirectUri).map(s -> " " + s).orElse(""))).build();
    }

    /** The CSP source of a redirect URI: its origin for http(s), its scheme for a private-use scheme; else none. */
    static Optional<String> formActionSource(String redirectUri) {
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEME.matcher(scheme).matches()) {
            return Optional.empty();
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(scheme + ":");
        }
        String host = uri.getHost();
        if (host == null || !HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
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
        return secured(b, CONTENT_SECURITY_POLICY);
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder b, String contentSecurityPolicy) {
        return b.header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
    }
}
