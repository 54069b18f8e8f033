/** JWT access tokens (RFC 9068) and OpenID Connect ID tokens: issuing, and the customizer hook that adds claims. */
package dev.lanyard.grants.token;
