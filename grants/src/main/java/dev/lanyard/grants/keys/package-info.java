/** The authorization server's signing keys: generation, storage, rotation, JWKS publication. */
package dev.lanyard.grants.keys;
