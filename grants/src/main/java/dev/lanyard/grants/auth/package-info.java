/** Client authentication at the token, revocation and introspection endpoints, and its brute-force throttle. */
package dev.lanyard.grants.auth;
