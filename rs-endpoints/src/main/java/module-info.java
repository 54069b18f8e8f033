/** Lanyard rs-endpoints: protect a resource (an MCP server) with bearer tokens. */
module dev.lanyard.rs {
    requires transitive dev.lanyard.spec;
    requires dev.lanyard.discovery;
}
