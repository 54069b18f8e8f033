/**
 * The publishing side: the metadata an authorization server
 * ({@link dev.lanyard.discovery.publish.AuthorizationServerMetadataFactory}) and an MCP server
 * ({@link dev.lanyard.discovery.publish.ProtectedResourceMetadataFactory}) publish, and the well-known URLs they are
 * served at ({@link dev.lanyard.discovery.publish.MetadataRoutes}).
 */
package dev.lanyard.discovery.publish;
