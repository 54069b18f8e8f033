package dev.lanyard.as.jaxrs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The stylesheet of the server's pages: served by the server itself, so that the pages' policy allows only it. */
@Path("authorize/assets")
@ApplicationScoped
public class PageAssets {

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 0; background: #f5f5f7; color: #1d1d1f; }
            main { max-width: 32rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; }
            h1 { font-size: 1.4rem; }
            .client { font-size: 1.2rem; }
            .note { color: #6e6e73; font-size: 0.9rem; }
            .facts dt { font-size: 0.85rem; color: #6e6e73; margin-top: 0.6rem; }
            .facts dd.host { font-size: 1.3rem; font-weight: 700; margin: 0.1rem 0 0 0; word-break: break-all; }
            ul.scopes li { margin: 0.3rem 0; }
            button { font-size: 1rem; padding: 0.5rem 1.2rem; margin: 1rem 0.5rem 0 0; }
            """;

    /** Created by CDI. */
    public PageAssets() {
        // stateless
    }

    /** The stylesheet. */
    @GET
    @Path("style.css")
    public Response stylesheet() {
        return Response.ok(CSS, "text/css; charset=UTF-8").header("Cache-Control", "public, max-age=86400")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
