package dev.lanyard.sample;

import java.io.IOException;
import java.security.Principal;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the MCP authorization server's sign-in its own. Open Liberty's single sign-on cookie is shared by every
 * application of the server, so an employee signed in at the sample's enterprise IdP ({@code /idp}) would arrive
 * here signed in too; that caller is signed out before the authorization endpoint sees it, and must sign in as one of
 * this server's users ({@link DemoUsers}). Users reach the MCP server through the IdP only by Cross App Access.
 */
@WebFilter(urlPatterns = {"/authorize", "/authorize/*", "/lanyard/sign-in"})
public class SampleUsersOnly extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DemoUsers users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        if (caller != null && !users.isUser(caller.getName())) {
            request.logout();
        }
        chain.doFilter(request, response);
    }
}
