/**
 * The MCP client discovery chain ({@link dev.lanyard.discovery.client.McpAuthorizationDiscovery}): from an MCP server
 * URL to validated protected resource metadata, authorization server metadata, the scopes to request and the ways to
 * obtain a client ID.
 */
package dev.lanyard.discovery.client;
