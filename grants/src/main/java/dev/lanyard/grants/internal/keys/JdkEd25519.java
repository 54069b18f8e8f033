package dev.lanyard.grants.internal.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * EdDSA with Ed25519 on the JDK's own provider (nimbus needs Google Tink for it, which Lanyard does not ship). Raw
 * keys (RFC 8037 §2) are moved in and out of the JDK's X.509 and PKCS#8 encodings, whose fixed prefixes RFC 8410
 * §7 gives.
 */
public final class JdkEd25519 implements JWSSigner, JWSVerifier {

    // RFC 8410 §10.1 / §10.3: SubjectPublicKeyInfo and OneAsymmetricKey (v1) prefixes for Ed25519
    private static final byte[] SPKI_PREFIX = hex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final JCAContext jca = new JCAContext();

    /**
     * A signer and verifier for an Ed25519 JWK; a public key only verifies.
     *
     * @throws JOSEException when the key is not a usable Ed25519 key
     */
    public JdkEd25519(OctetKeyPair key) throws JOSEException {
        if (!Curve.Ed25519.equals(key.getCurve())) {
            throw new JOSEException("not an Ed25519 key");
        }
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            this.publicKey = kf.generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, key.getDecodedX())));
            this.privateKey = key.isPrivate()
                    ? kf.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, key.getDecodedD())))
                    : null;
        } catch (GeneralSecurityException e) {
            throw new JOSEException("bad Ed25519 key", e);
        }
    }

    /** A new Ed25519 key pair as a private JWK (no {@code kid} yet). */
    static OctetKeyPair generate() throws JOSEException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] x = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            byte[] d = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d)).build();
        } catch (GeneralSecurityException e) {
            throw new JOSEException("no Ed25519 on this JDK", e);
        }
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (privateKey == null) {
            throw new JOSEException("public key only");
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(signingInput);
            return Base64URL.encode(s.sign());
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Ed25519 signing failed", e);
        }
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signedContent, Base64URL signature) throws JOSEException {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(signedContent);
            return s.verify(signature.decode());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
