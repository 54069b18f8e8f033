/**
 * The service provider interfaces for state: authorization codes, refresh token families, consents, the replay
 * guard, revoked access tokens and signing keys. Codes and refresh tokens are keyed by their SHA-256; one-time use is
 * always an atomic operation of the store.
 */
package dev.lanyard.grants.store;
