/**
 * Lanyard as-endpoints: the JAX-RS face of the authorization server. Translates HTTP to the spec-model's types, calls
 * the grants module, and translates the results back: the authorization endpoint (code flow, PKCE S256, consent),
 * token, revocation, introspection, JWK set and metadata endpoints. Composed by CDI, configured by MicroProfile Config,
 * users authenticated by the container through Jakarta Security.
 */
module dev.lanyard.as {
    requires transitive dev.lanyard.grants;
    requires dev.lanyard.discovery;
    requires transitive dev.lanyard.cimd;
    requires java.logging;
    requires transitive jakarta.ws.rs;
    requires transitive jakarta.cdi;
    requires transitive jakarta.inject;
    requires jakarta.annotation;
    requires transitive jakarta.servlet;
    requires jakarta.security;
    requires microprofile.config.api;
    requires static transitive jakarta.persistence;
    requires static transitive jakarta.transaction;

    exports dev.lanyard.as;
    exports dev.lanyard.as.consent;
    exports dev.lanyard.as.jaxrs;
    exports dev.lanyard.as.jpa;
    exports dev.lanyard.as.servlet;

    // CDI (Weld, OpenWebBeans) and JAX-RS create beans and providers reflectively
    opens dev.lanyard.as.internal;
    opens dev.lanyard.as.jaxrs;
    opens dev.lanyard.as.consent;
    opens dev.lanyard.as.servlet;
}
