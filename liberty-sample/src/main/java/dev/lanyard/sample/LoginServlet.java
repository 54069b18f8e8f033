package dev.lanyard.sample;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The login page of the form mechanism: posts to {@code j_security_check}. No script, not framable. */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        boolean error = request.getParameter("error") != null;
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
                <body><main>
                <h1>Sign in to the Lanyard sample</h1>
                %s
                <form method="post" action="j_security_check">
                  <label>User <input name="j_username" autocomplete="username" required></label>
                  <label>Password <input name="j_password" type="password" autocomplete="current-password" required>
                  </label>
                  <button type="submit">Sign in</button>
                </form>
                <p>Demo users: alice / alice-password, bob / bob-password.</p>
                </main></body></html>
                """.formatted(error ? "<p role=\"alert\">Wrong user or password.</p>" : ""));
    }
}
