/**
 * The token endpoint's logic: grant handlers (authorization code with PKCE and, as an OpenID Provider, ID tokens;
 * refresh token with rotation; client credentials; token exchange for ID-JAGs at the IdP; the JWT bearer grant of
 * ID-JAGs at the resource authorization server), their registry, and authorization code issuing.
 */
package dev.lanyard.grants.grant;
