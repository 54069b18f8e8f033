package dev.lanyard.grants.store;

/** Where a signing key is in its life. */
public enum KeyStatus {
    /** Published in the JWKS, not yet used to sign. */
    NEXT,
    /** Signs new tokens. */
    ACTIVE,
    /** No longer signs; published until the tokens it signed have expired, then deleted. */
    RETIRED
}
