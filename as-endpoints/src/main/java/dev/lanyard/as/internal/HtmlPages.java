package dev.lanyard.as.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lanyard.spec.error.OAuthError;

/**
 * The server-rendered pages of the authorization server: the error page, the consent page, the consent withdrawal
 * pages. Every value is HTML-escaped; no script and no inline style (the pages are served with
 * {@link Pages#CONTENT_SECURITY_POLICY}); one stylesheet of the server's own.
 *
 * <p>The consent page names the client as it calls itself, and shows prominently the host of its {@code client_id}
 * (for a URL client id) and the host of the redirect URI the answer goes to: the facts a user can check against
 * consent phishing ({@value dev.lanyard.spec.ref.Specs#OAUTH21} §7.9).
 */
public final class HtmlPages {

    private final String stylesheet;

    /** @param stylesheet the absolute path of the pages' stylesheet */
    public HtmlPages(String stylesheet) {
        this.stylesheet = Objects.requireNonNull(stylesheet, "stylesheet");
    }

    /**
     * What the consent page shows.
     *
     * @param clientName  the client's name, as it states it; may equal the client id
     * @param clientId    the {@code client_id}
     * @param redirectUri the redirect URI the answer goes to
     * @param scopes      scope to description, in the order asked
     * @param resources   the resources the tokens will be for
     * @param action      the absolute path the form posts to
     * @param pendingId   the handle of the pending request
     * @param csrfToken   the CSRF token of the pending request
     * @param warnings    what the user must be told about the client (CIMD warnings), shown prominently
     */
    public record ConsentView(String clientName, String clientId, String redirectUri, Map<String, String> scopes,
            List<String> resources, String action, String pendingId, String csrfToken, List<String> warnings) {
    }

    /** The page of an error that must not be redirected: the user sees it, the client learns nothing. */
    public String error(OAuthError error) {
        return page("Request not accepted", "<h1>This request cannot be processed</h1>\n"
                + "<p>The application that sent you here made a request this server does not accept. "
                + "You have not been redirected back to it.</p>\n"
                + "<p class=\"code\">Error: <code>" + escape(error.code()) + "</code></p>\n"
                + error.description().map(d -> "<p>" + escape(d) + "</p>\n").orElse(""));
    }

    /** The consent page. */
    public String consent(ConsentView v) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Allow access?</h1>\n");
        b.append("<p class=\"client\"><strong>").append(escape(v.clientName())).append("</strong>");
        if (!v.clientName().equals(v.clientId())) {
            b.append(" <span class=\"note\">(the name the application gives itself)</span>");
        }
        b.append("</p>\n<dl class=\"facts\">\n");
        b.append("<dt>Application</dt><dd class=\"host\">").append(escape(clientIdDisplay(v.clientId())))
                .append("</dd>\n");
        b.append("<dt>Your answer goes to</dt><dd class=\"host\">").append(escape(host(v.redirectUri())))
                .append("</dd>\n");
        b.append("</dl>\n");
        v.warnings().forEach(w -> b.append("<p class=\"warning\"><strong>Caution:</strong> ").append(escape(w))
                .append("</p>\n"));
        b.append("<p>It asks for:</p>\n<ul class=\"scopes\">\n");
        if (v.scopes().isEmpty()) {
            b.append("<li>Basic access, without specific permissions</li>\n");
        }
        v.scopes().forEach((scope, description) -> b.append("<li><strong>").append(escape(description))
                .append("</strong> <code>").append(escape(scope)).append("</code></li>\n"));
        b.append("</ul>\n");
        if (!v.resources().isEmpty()) {
            b.append("<p>For use at:</p>\n<ul class=\"resources\">\n");
            v.resources().forEach(r -> b.append("<li><code>").append(escape(r)).append("</code></li>\n"));
            b.append("</ul>\n");
        }
        b.append("<form method=\"post\" action=\"").append(escape(v.action())).append("\">\n");
        b.append(hidden("pending", v.pendingId())).append(hidden("csrf", v.csrfToken()));
        b.append("<button type=\"submit\" name=\"decision\" value=\"approve\">Allow</button>\n");
        b.append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>\n");
        b.append("</form>\n");
        return page("Allow access?", b.toString());
    }

    /** The page that asks the user to confirm withdrawing a consent. */
    public String withdrawConfirm(String clientName, String clientId, String action, String csrfToken) {
        return page("Withdraw access", "<h1>Withdraw access?</h1>\n<p><strong>" + escape(clientName)
                + "</strong> (" + escape(clientIdDisplay(clientId)) + ") will lose the access you gave it, and "
                + "its refresh tokens stop working.</p>\n<form method=\"post\" action=\"" + escape(action) + "\">\n"
                + hidden("client_id", clientId) + hidden("csrf", csrfToken)
                + "<button type=\"submit\">Withdraw</button>\n</form>\n");
    }

    /** A page with a title and one paragraph. */
    public String message(String title, String text) {
        return page(title, "<h1>" + escape(title) + "</h1>\n<p>" + escape(text) + "</p>\n");
    }

    /** {@code text} with {@code & < > " '} replaced by character references. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The host of an http(s) URL; the scheme of a private-use URI; the value itself otherwise. */
    static String host(String uri) {
        try {
            URI u = new URI(uri);
            if (u.getHost() != null) {
                return u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            }
            return u.getScheme() != null ? u.getScheme() + ":" : uri;
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    // a URL client id (CIMD) is known by its host; another client id is shown as it is
    private static String clientIdDisplay(String clientId) {
        return clientId.startsWith("https://") ? host(clientId) : clientId;
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">\n";
    }

    private String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + escape(stylesheet) + "\">\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }
}
