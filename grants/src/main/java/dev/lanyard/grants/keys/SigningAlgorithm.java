package dev.lanyard.grants.keys;

/**
 * The JWS algorithms the authorization server signs access tokens with (RFC 7518 §3, RFC 8037 §3.1).
 * {@link #ES256} is the default: fastest to sign on the JDK among the widely supported algorithms.
 */
public enum SigningAlgorithm {
    /** ECDSA with P-256 and SHA-256. */
    ES256("ES256"),
    /** RSASSA-PKCS1-v1_5 with SHA-256, 2048-bit keys; the algorithm RFC 9068 makes mandatory to support. */
    RS256("RS256"),
    /** RSASSA-PSS with SHA-256, 2048-bit keys. */
    PS256("PS256"),
    /** EdDSA with Ed25519 (signed with the JDK's own Ed25519). */
    EDDSA("EdDSA");

    private final String jwsName;

    SigningAlgorithm(String jwsName) {
        this.jwsName = jwsName;
    }

    /** The {@code alg} header value. */
    public String jwsName() {
        return jwsName;
    }
}
