package dev.lanyard.grants.store;

/** The life of one refresh token in a rotating family. */
public enum RefreshTokenState {
    /** The current token of its family: it can be used once. */
    ACTIVE,
    /** Used and replaced; presenting it again is reuse and revokes the family. */
    ROTATED,
    /** Revoked, with its family. */
    REVOKED
}
