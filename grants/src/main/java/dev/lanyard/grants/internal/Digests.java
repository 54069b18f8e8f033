package dev.lanyard.grants.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * SHA-256 and random values: how codes, refresh tokens and client secrets are made and how they are kept at rest.
 *
 * <p>Codes, refresh tokens and secrets are 256-bit random values, so a fast unsalted hash is right for them: a slow
 * KDF adds nothing against guessing a 256-bit value and would cap the token endpoint.
 */
public final class Digests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Digests() {
    }

    /** 32 octets from {@link SecureRandom}, base64url without padding (43 characters). */
    public static String randomToken() {
        byte[] octets = new byte[32];
        RANDOM.nextBytes(octets);
        return B64URL.encodeToString(octets);
    }

    /** 16 random octets, base64url (an identifier, not a secret: {@code jti}, family ids). */
    public static String randomId() {
        byte[] octets = new byte[16];
        RANDOM.nextBytes(octets);
        return B64URL.encodeToString(octets);
    }

    /** The SHA-256 of the UTF-8 bytes of {@code value}. */
    public static byte[] sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of {@code octets}. */
    public static byte[] sha256(byte[] octets) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(octets);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform implements SHA-256", e);
        }
    }

    /** The SHA-256 of {@code value}, base64url without padding (43 characters): the form stored at rest. */
    public static String sha256Base64Url(String value) {
        return B64URL.encodeToString(sha256(value));
    }

    /** Base64url without padding. */
    public static String base64Url(byte[] octets) {
        return B64URL.encodeToString(octets);
    }
}
