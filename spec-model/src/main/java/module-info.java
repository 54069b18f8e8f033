/**
 * Lanyard spec-model: the typed vocabulary of OAuth 2.1 and MCP authorization. Records, parsers and validators
 * for every RFC and draft Lanyard implements; depends on the JSON-P API only.
 */
module dev.lanyard.spec {
    requires transitive jakarta.json;

    exports dev.lanyard.spec.ref;
    exports dev.lanyard.spec.error;
    exports dev.lanyard.spec.core;
    exports dev.lanyard.spec.authz;
    exports dev.lanyard.spec.token;
    exports dev.lanyard.spec.metadata;
    exports dev.lanyard.spec.bearer;
    exports dev.lanyard.spec.claims;
}
