package dev.lanyard.sample;

import java.net.URI;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.lanyard.rs.servlet.BearerTokenServletFilter;

/**
 * Mounts the MCP server at {@code /mcp} behind an {@link OriginCheck}, Lanyard's bearer filter and a
 * {@link SessionOwnerCheck}. Servlet and filter are async-supported:
 * the Streamable HTTP transport is asynchronous.
 */
@WebListener
public class McpSetup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(McpSetup.class.getName());

    private NotesServer notes;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        notes = new NotesServer(CDI.current().select(Notes.class).get());
        ServletRegistration.Dynamic mcp = event.getServletContext().addServlet("mcp", notes.servlet());
        mcp.setAsyncSupported(true);
        mcp.addMapping("/mcp");
        String base = ConfigProvider.getConfig().getValue("lanyard.sample.base", String.class);
        Set<String> origins = new HashSet<>(ConfigProvider.getConfig()
                .getOptionalValues("lanyard.rs.cors.allowed-origins", String.class).orElse(List.of()));
        origins.add(URI.create(base).resolve("/").toString().replaceFirst("/$", ""));
        FilterRegistration.Dynamic origin = event.getServletContext().addFilter("sample-origin",
                new OriginCheck(origins));
        origin.setAsyncSupported(true);
        origin.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/mcp");
        FilterRegistration.Dynamic bearer = event.getServletContext()
                .addFilter("lanyard-bearer", BearerTokenServletFilter.class);
        bearer.setAsyncSupported(true);
        bearer.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/mcp");
        FilterRegistration.Dynamic sessions = event.getServletContext().addFilter("sample-session-owner",
                new SessionOwnerCheck());
        sessions.setAsyncSupported(true);
        sessions.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/mcp");
        LOG.info(() -> String.join(System.lineSeparator(), "Lanyard sample is up:",
                "  MCP server (Streamable HTTP):  " + base + "/mcp",
                "  its resource metadata:        " + base + "/.well-known/oauth-protected-resource/mcp",
                "  authorization server (issuer): " + base,
                "  its metadata:                 " + base + "/.well-known/oauth-authorization-server",
                "  demo users:                   alice / alice-password, bob / bob-password",
                "  clients:                      sample-cli (public, http://127.0.0.1/callback on any port),",
                "                                sample-agent (client_credentials, and ID-JAGs of the IdP at "
                        + base + "/idp),",
                "                                or your own: dynamic registration at " + base
                        + "/register, or an https Client ID Metadata Document URL as client_id"));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (notes != null) {
            notes.close();
        }
    }
}
