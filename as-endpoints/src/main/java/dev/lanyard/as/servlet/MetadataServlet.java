package dev.lanyard.as.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.lanyard.as.internal.AuthorizationServer;

/**
 * This application's authorization server metadata for a request forwarded from another application of the same
 * server, for an issuer whose path is this application's context root: RFC 8414 §3.1 inserts the well-known segment
 * before the issuer's path ({@code https://host/.well-known/oauth-authorization-server/idp} for issuer
 * {@code https://host/idp}), a URL outside this application. The application at the server root forwards such URLs
 * here with {@link IssuerMetadataForwarder}.
 *
 * <p>The document is chosen by the URL the client asked for (the forward's original request URI), exactly as the
 * JAX-RS metadata endpoints choose it: a URL that is not one of this issuer's well-known URLs is 404, and so
 * is a direct request to this servlet's own path.
 */
@WebServlet(urlPatterns = MetadataServlet.PATH)
public class MetadataServlet extends HttpServlet {

    /** The path of this servlet under the context root. */
    public static final String PATH = "/lanyard/metadata";

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthorizationServer server;

    /** Created by the servlet container. */
    public MetadataServlet() {
        // fields are injected
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<JsonObject> document = server.metadataAt(askedPath(request), askedQuery(request));
        if (document.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // RFC 8414 §3.2: 200 with application/json
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.getOutputStream().write(document.get().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The raw path the client asked for: the original one when forwarded, set by the container only. */
    private static String askedPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        return forwarded instanceof String uri ? uri : request.getRequestURI();
    }

    private static String askedQuery(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) != null) {
            return (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        }
        return request.getQueryString();
    }
}
