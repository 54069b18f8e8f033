/** The token endpoint and its neighbours: token requests, responses, introspection (RFC 7662), revocation (RFC 7009). */
package dev.lanyard.spec.token;
