package dev.lanyard.sample.idp;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The IdP's single sign-on page: a Jakarta Security form mechanism whose page is this servlet (posting to
 * {@code j_security_check} of this application, so the IdP's sign-in is its own, apart from the MCP authorization
 * server's). The authorization endpoint hands unauthenticated browsers to it through Lanyard's sign-in servlet.
 */
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = EmployeeSignIn.PAGE,
        errorPage = EmployeeSignIn.PAGE + "?failed", useForwardToLogin = false))
@WebServlet(EmployeeSignIn.PAGE)
@ApplicationScoped
public class EmployeeSignIn extends HttpServlet {

    static final String PAGE = "/sso";

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        // no caching, no framing (clickjacking), no script, the form posts to this origin only
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        String notice = request.getParameter("failed") == null ? ""
                : "<p role=\"alert\">That login and password do not match an employee.</p>";
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Example Corp single sign-on</title></head><body><main>"
                + "<h1>Example Corp single sign-on</h1>" + notice
                + "<form method=\"post\" action=\"j_security_check\">"
                + "<p><label>Employee login <input name=\"j_username\" autocomplete=\"username\" required></label></p>"
                + "<p><label>Password <input name=\"j_password\" type=\"password\" autocomplete=\"current-password\""
                + " required></label></p><p><button type=\"submit\">Continue</button></p></form>"
                + "<p>Demo employees: " + Employees.demoLogins() + ".</p></main></body></html>\n");
    }
}
