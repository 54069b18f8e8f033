package dev.lanyard.as.it;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The RSA key of the {@code private_key_jwt} client {@code pkj1}: its public JWK set goes into the configuration,
 * and the tests sign client assertions (RFC 7523 §3) with the JDK alone.
 */
final class ClientKey {

    static final String KID = "pkj1-key";
    static final KeyPair KEYS = generate();

    private ClientKey() {
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK set. */
    static String jwks() {
        RSAPublicKey pub = (RSAPublicKey) KEYS.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + KID + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64(unsigned(pub.getModulus())) + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}";
    }

    /** A compact JWS of {@code claimsJson} with RS256, or unsigned with {@code alg} {@code none}. */
    static String sign(String alg, String claimsJson) {
        String header = b64(("{\"alg\":\"" + alg + "\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}")
                .getBytes(StandardCharsets.UTF_8));
        String input = header + "." + b64(claimsJson.getBytes(StandardCharsets.UTF_8));
        if (!alg.equals("RS256")) {
            return input + ".";
        }
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(KEYS.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Assertion claims for {@code pkj1}: {@code iss = sub = pkj1}, the given {@code aud} and {@code jti}. */
    static String claims(String aud, String jti) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"pkj1\",\"sub\":\"pkj1\",\"aud\":\"" + aud + "\",\"iat\":" + now + ",\"exp\":" + (now + 60)
                + (jti == null ? "" : ",\"jti\":\"" + jti + "\"") + "}";
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
