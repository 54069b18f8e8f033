/** The authorization endpoint: request, response, PKCE (RFC 7636), redirect URI matching (RFC 8252 §7.3). */
package dev.lanyard.spec.authz;
