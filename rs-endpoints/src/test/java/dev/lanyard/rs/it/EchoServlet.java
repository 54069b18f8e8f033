package dev.lanyard.rs.it;

import java.io.IOException;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.lanyard.rs.servlet.BearerTokenServletFilter;

/** A plain servlet behind the servlet variant of the filter, as the MCP SDK transport would be. */
public class EchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.getWriter().write("servlet for " + req.getUserPrincipal().getName() + " auth=" + req.getAuthType()
                + " role(items:read)=" + req.isUserInRole("items:read"));
    }

    /** Registers the servlet at /mcp with the bearer filter in front, async-supported. */
    public static final class Registration implements ServletContainerInitializer {
        @Override
        public void onStartup(java.util.Set<Class<?>> classes, ServletContext context) {
            var servlet = context.addServlet("echo", EchoServlet.class);
            servlet.setAsyncSupported(true);
            servlet.addMapping("/mcp");
            var filter = context.addFilter("lanyard-bearer", BearerTokenServletFilter.class);
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(null, false, "/mcp");
        }
    }
}
