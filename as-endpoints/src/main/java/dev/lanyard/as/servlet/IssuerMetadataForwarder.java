package dev.lanyard.as.servlet;

import java.io.IOException;
import java.util.logging.Logger;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves, from the application at the server root, the metadata of an issuer hosted by another application of the
 * same server at a context root equal to the issuer's path. RFC 8414 §3.1 puts that issuer's metadata at
 * {@code /.well-known/oauth-authorization-server/<path>} (and OpenID's inserted form at
 * {@code /.well-known/openid-configuration/<path>}), URLs only the root application receives: map this servlet to
 * exactly those URLs, with the init parameter {@code context} naming the other application's context root (for
 * example {@code /idp}). It forwards to that application's {@link MetadataServlet}, which answers for its own issuer
 * from the URL asked; each issuer keeps its own keys, clients and settings.
 *
 * <p>The servlet container must allow cross-context dispatch; when the other application is not running, the answer
 * is 404.
 */
public class IssuerMetadataForwarder extends HttpServlet {

    /** The init parameter naming the context root of the application that hosts the issuer. */
    public static final String CONTEXT = "context";

    private static final Logger LOG = Logger.getLogger(IssuerMetadataForwarder.class.getName());
    private static final long serialVersionUID = 1L;

    private String context;

    /** Created by the servlet container. */
    public IssuerMetadataForwarder() {
        // configured in init
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        context = config.getInitParameter(CONTEXT);
        if (context == null || !context.startsWith("/") || context.length() < 2 || context.endsWith("/")) {
            throw new ServletException("Init parameter " + CONTEXT + " must be a context root such as /idp, not "
                    + context);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        ServletContext other = getServletContext().getContext(context);
        // getContext answers the longest matching context: this application's own when the other one is missing
        if (other == null || !context.equals(other.getContextPath())) {
            LOG.warning(() -> "No application at " + context + " to serve " + request.getRequestURI()
                    + " (not deployed, or cross-context dispatch not allowed)");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        RequestDispatcher target = other.getRequestDispatcher(MetadataServlet.PATH);
        if (target == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        target.forward(request, response);
    }
}
