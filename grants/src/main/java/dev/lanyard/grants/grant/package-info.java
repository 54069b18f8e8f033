/**
 * The token endpoint's logic: grant handlers (authorization code with PKCE, refresh token with rotation, client
 * credentials), their registry, and authorization code issuing.
 */
package dev.lanyard.grants.grant;
