package dev.lanyard.grants.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.lanyard.grants.internal.Digests;

/**
 * Client secrets: generated as 256-bit random values and kept only as a hash.
 *
 * <p>The stored form is {@code sha256:<base64url(SHA-256(secret))>}. A fast hash is the right choice for random
 * machine secrets (a slow password hash adds nothing against guessing 256 bits and would cap the token endpoint);
 * the prefix leaves room for another scheme later. Comparison is constant-time.
 *
 * <p>Since the secret itself is never kept, {@code client_secret_jwt} (which needs the secret as an HMAC key) cannot
 * be supported, and is not.
 */
public final class ClientSecrets {

    /** The prefix of the stored form. */
    public static final String SHA256_PREFIX = "sha256:";
    /** The shortest secret accepted for registration, in characters (RFC 7518 §3.2 spirit: 256 bits). */
    public static final int MIN_LENGTH = 32;

    private static final String DUMMY = hash("x".repeat(MIN_LENGTH));

    private ClientSecrets() {
    }

    /** A new secret: 32 random octets, base64url (43 characters). Give it to the client once; keep only its hash. */
    public static String generate() {
        return Digests.randomToken();
    }

    /**
     * The stored form of {@code secret}.
     *
     * @throws IllegalArgumentException when the secret is shorter than {@link #MIN_LENGTH}
     */
    public static String hash(String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a client secret has at least " + MIN_LENGTH + " characters");
        }
        return SHA256_PREFIX + Digests.sha256Base64Url(secret);
    }

    /** Whether {@code stored} is a stored form this class understands. */
    public static boolean isStoredForm(String stored) {
        return stored.startsWith(SHA256_PREFIX) && stored.length() == SHA256_PREFIX.length() + 43;
    }

    /**
     * Whether {@code presented} is the secret of {@code stored}, compared in constant time over the hashes. Never
     * throws on any input.
     */
    public static boolean matches(String presented, String stored) {
        byte[] actual = (SHA256_PREFIX + Digests.sha256Base64Url(presented)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, stored.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Spends the time of one {@link #matches} call, for an unknown client, so that timing does not tell known client
     * ids from unknown ones.
     */
    public static void spendComparison(String presented) {
        matches(presented, DUMMY);
    }
}
