/** JWT access tokens (RFC 9068): issuing, and the customizer hook that adds claims. */
package dev.lanyard.grants.token;
