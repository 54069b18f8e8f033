/**
 * Lanyard grants: the authorization server's protocol logic, without HTTP. Client model and authentication, grant
 * handlers, JWT access token issuing, signing keys, revocation, introspection, and the stores behind them.
 */
module dev.lanyard.grants {
    requires transitive dev.lanyard.spec;
    requires transitive dev.lanyard.cimd;
    requires transitive dev.lanyard.discovery;
    requires com.nimbusds.jose.jwt;
    requires java.sql;
    requires transitive java.net.http;
    requires static transitive jakarta.persistence;

    exports dev.lanyard.grants;
    exports dev.lanyard.grants.client;
    exports dev.lanyard.grants.auth;
    exports dev.lanyard.grants.store;
    exports dev.lanyard.grants.store.memory;
    exports dev.lanyard.grants.store.jpa;
    exports dev.lanyard.grants.token;
    exports dev.lanyard.grants.keys;
    exports dev.lanyard.grants.grant;
    exports dev.lanyard.grants.revocation;
    exports dev.lanyard.grants.introspection;
    exports dev.lanyard.grants.idjag;
    exports dev.lanyard.grants.dpop;

    // JPA providers read and write the entity fields reflectively.
    opens dev.lanyard.grants.internal.jpa;
}
