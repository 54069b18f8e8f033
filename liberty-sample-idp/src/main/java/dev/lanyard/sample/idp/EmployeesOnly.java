package dev.lanyard.sample.idp;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Only employees are the IdP's callers. Open Liberty's single sign-on cookie is shared by the applications of one
 * server: a user signed in at the MCP authorization server (the root application) would otherwise be taken for a
 * signed-in employee here and get ID tokens and ID-JAGs. Such a caller is signed out before the authorization
 * endpoint runs, so the employee sign-on page applies.
 */
@WebFilter(urlPatterns = {"/authorize", "/authorize/*", "/lanyard/sign-in"})
public class EmployeesOnly extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Employees employees;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean stranger = request.getUserPrincipal() != null
                && !employees.isEmployee(request.getUserPrincipal().getName());
        if (stranger) {
            request.logout();
        }
        chain.doFilter(request, response);
    }
}
