/**
 * Lanyard rs-endpoints: protect a resource (an MCP server) with bearer tokens. Protected resource metadata
 * (RFC 9728), JWT access token validation (RFC 9068), scope checks and challenges (RFC 6750), for JAX-RS and
 * servlets, composed by CDI and configured by MicroProfile Config.
 */
module dev.lanyard.rs {
    requires transitive dev.lanyard.spec;
    requires dev.lanyard.discovery;
    requires com.nimbusds.jose.jwt;
    requires com.github.benmanes.caffeine;
    requires java.logging;
    requires transitive jakarta.ws.rs;
    requires transitive jakarta.cdi;
    requires transitive jakarta.inject;
    requires jakarta.annotation;
    requires transitive jakarta.servlet;
    requires microprofile.config.api;

    exports dev.lanyard.rs;
    exports dev.lanyard.rs.token;
    exports dev.lanyard.rs.jaxrs;
    exports dev.lanyard.rs.servlet;

    // CDI (Weld, OpenWebBeans) and JAX-RS create beans and providers reflectively
    opens dev.lanyard.rs.internal;
    opens dev.lanyard.rs.jaxrs;
    opens dev.lanyard.rs.servlet;
}
