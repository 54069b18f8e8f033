package dev.lanyard.as.servlet;

import java.io.IOException;
import java.security.Principal;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.lanyard.as.LocalUsers;

/**
 * Signs out, before the authorization endpoint and the sign-in servlet run, a caller who is not one of this
 * authorization server's {@link LocalUsers}: on a server whose applications share one single sign-on session, a user
 * signed in at another issuer is not signed in here. Does nothing when the application has no {@link LocalUsers}
 * bean. Mapped by annotation to {@code /authorize}, {@code /authorize/*} and {@code /lanyard/sign-in} (map it in
 * {@code web.xml} when the application turns off scanning of library jars).
 */
@WebFilter(urlPatterns = {"/authorize", "/authorize/*", SignInServlet.PATH})
public class LocalUsersFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(LocalUsersFilter.class.getName());
    private static final long serialVersionUID = 1L;

    @Inject
    transient Instance<LocalUsers> users;

    /** Created by the servlet container. */
    public LocalUsersFilter() {
        // fields are injected
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        if (caller != null && users.isResolvable() && !users.get().contains(caller.getName())) {
            LOG.fine("A caller signed in at another application is signed out here");
            request.logout();
        }
        chain.doFilter(request, response);
    }
}
