package dev.lanyard.as.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless CSRF tokens for forms that change a signed-in user's state: {@code <expiry>.<HMAC-SHA256>} over the
 * purpose, the user and the value the form acts on, with a key drawn at start-up (a token from another node or before
 * a restart is refused: the user reloads the page). Compared in constant time.
 */
final class CsrfTokens {

    private final SecretKeySpec key;

    CsrfTokens() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String issue(String purpose, String subject, String value, Instant expiresAt) {
        String exp = Long.toString(expiresAt.getEpochSecond());
        return exp + "." + mac(purpose, subject, value, exp);
    }

    boolean verify(String token, String purpose, String subject, String value, Instant now) {
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 19) {
            return false;
        }
        String exp = token.substring(0, dot);
        long expiry;
        try {
            expiry = Long.parseLong(exp);
        } catch (NumberFormatException e) {
            return false;
        }
        boolean fresh = now.getEpochSecond() < expiry;
        boolean genuine = MessageDigest.isEqual(mac(purpose, subject, value, exp).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        return fresh && genuine;
    }

    private String mac(String purpose, String subject, String value, String exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // length-prefixed fields: no two different inputs share a MAC input
            for (String field : new String[] {purpose, subject, value, exp}) {
                byte[] b = field.getBytes(StandardCharsets.UTF_8);
                mac.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                mac.update(b);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
