/** JWT claim sets: access tokens (RFC 9068), ID-JAG, client assertions (RFC 7523), ID tokens (OpenID Connect). */
package dev.lanyard.spec.claims;
