/**
 * Lanyard discovery: metadata documents (publishing and consuming RFC 8414 / RFC 9728), well-known URLs, the one
 * SSRF-safe outbound fetcher, and the MCP client discovery chain.
 */
module dev.lanyard.discovery {
    requires transitive dev.lanyard.spec;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires com.github.benmanes.caffeine;
    // HttpClient 5 is an automatic module and uses jdk.net.Sockets (TCP keep-alive options); automatic modules read
    // every resolved module, so requiring jdk.net here puts it in the graph when Lanyard runs on the module path.
    requires jdk.net;

    exports dev.lanyard.discovery.fetch;
    exports dev.lanyard.discovery.client;
    exports dev.lanyard.discovery.publish;
}
