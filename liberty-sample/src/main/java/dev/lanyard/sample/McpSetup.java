package dev.lanyard.sample;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;

import dev.lanyard.rs.servlet.BearerTokenServletFilter;

/**
 * Mounts the MCP server at {@code /mcp} behind Lanyard's bearer filter. Servlet and filter are async-supported:
 * the Streamable HTTP transport is asynchronous.
 */
@WebListener
public class McpSetup implements ServletContextListener {

    private NotesServer notes;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        notes = new NotesServer();
        ServletRegistration.Dynamic mcp = event.getServletContext().addServlet("mcp", notes.servlet());
        mcp.setAsyncSupported(true);
        mcp.addMapping("/mcp");
        FilterRegistration.Dynamic bearer = event.getServletContext()
                .addFilter("lanyard-bearer", BearerTokenServletFilter.class);
        bearer.setAsyncSupported(true);
        bearer.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/mcp");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (notes != null) {
            notes.close();
        }
    }
}
