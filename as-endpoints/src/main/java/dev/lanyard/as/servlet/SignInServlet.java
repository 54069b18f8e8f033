package dev.lanyard.as.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.lanyard.as.internal.AuthorizationServer;
import dev.lanyard.as.internal.Pages;

/**
 * Where the authorization endpoint sends a browser whose user is not signed in: it asks the container to authenticate
 * the caller ({@link SecurityContext#authenticate}), so the application's {@code HttpAuthenticationMechanism} (a form
 * login with {@code @LoginToContinue}, an OpenID Connect login, ...) takes over and returns here; then it redirects to
 * {@code continue}, which must be a path of this authorization server's endpoints (never an open redirect).
 *
 * <p>A servlet rather than a JAX-RS resource, because the mechanism writes the response itself.
 */
@WebServlet(urlPatterns = SignInServlet.PATH)
public class SignInServlet extends HttpServlet {

    /** The path of this servlet under the context root. */
    public static final String PATH = "/lanyard/sign-in";

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthorizationServer server;
    @Inject
    transient SecurityContext security;

    /** Created by the servlet container. */
    public SignInServlet() {
        // fields are injected
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("continue");
        if (!server.flow().isContinuation(next)) {
            page(response, 400, "Request not accepted", "This sign-in link is not valid.");
            return;
        }
        if (security.getCallerPrincipal() == null) {
            AuthenticationStatus status = security.authenticate(request, response,
                    AuthenticationParameters.withParams());
            if (security.getCallerPrincipal() == null) {
                if (status != AuthenticationStatus.SEND_CONTINUE && !response.isCommitted()) {
                    page(response, 401, "Not signed in", "Signing in is not possible at the moment.");
                }
                return;
            }
        }
        // an absolute URL on the issuer's origin: never derived from the Host header
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", server.flow().continuationUrl(next));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private void page(HttpServletResponse response, int status, String title, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        byte[] body = server.pages().message(title, text).getBytes(StandardCharsets.UTF_8);
        response.getOutputStream().write(body);
    }
}
