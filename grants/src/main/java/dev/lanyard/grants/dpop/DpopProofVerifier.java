package dev.lanyard.grants.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.lanyard.grants.internal.ClientKeys;
import dev.lanyard.grants.internal.auth.AssertionVerifier;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;

/**
 * Checks the DPoP proof of a request to this server's token endpoint (RFC 9449 §4.3) and returns the JWK SHA-256
 * thumbprint of its key (RFC 7638), the value of {@code cnf.jkt} (RFC 9449 §6.1).
 *
 * <p>In order: exactly one {@code DPoP} header; a signed JWT (never {@code alg: none}); header {@code typ}
 * {@code dpop+jwt}, an asymmetric {@code alg} of {@link #algorithmNames()}, no {@code crit}, a public {@code jwk}
 * without private members that fits the algorithm; the signature verifies with that key; claims {@code jti},
 * {@code htm}, {@code htu}, {@code iat}; {@code htm} is {@code POST}; {@code htu} is the token endpoint, compared
 * after RFC 3986 §6.2.2 / §6.2.3 normalisation without query and fragment (a URI with userinfo never matches);
 * {@code iat} within {@link #window()} of now, either way; then the {@code jti} is recorded in the shared replay guard
 * (RFC 9449 §11.1) until the window closes. No server nonce is demanded (§8 is optional).
 *
 * <p>Every failure is {@code invalid_dpop_proof} (RFC 9449 §5), whose description names the rule and never echoes the
 * proof. Thread-safe.
 */
public final class DpopProofVerifier {

    /** The {@code typ} of a DPoP proof (RFC 9449 §4.2). */
    public static final String TYP = "dpop+jwt";
    // RFC 9449 §4.2: asymmetric algorithms only; published in metadata (§5.1)
    private static final Set<JWSAlgorithm> ALGORITHMS = ClientKeys.ID_JAG_ALGORITHMS;
    /** The default acceptance window for {@code iat}: 60 seconds either way. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    private static final SpecRef PROOF = SpecRef.rfc(9449, "4.3");
    private static final int MAX_PROOF_LENGTH = 8192;

    private final String tokenEndpoint;
    private final ReplayGuard replay;
    private final Duration window;
    private final Clock clock;

    /**
     * @param tokenEndpoint this server's token endpoint URL, as clients address it (its {@code htu})
     * @param replay        the replay guard for proof {@code jti}s (the JPA one holds across nodes)
     * @param window        how far {@code iat} may be from now, either way; positive
     * @param clock         the time source
     */
    public DpopProofVerifier(URI tokenEndpoint, ReplayGuard replay, Duration window, Clock clock) {
        this.tokenEndpoint = normalize(Objects.requireNonNull(tokenEndpoint, "tokenEndpoint"));
        this.replay = Objects.requireNonNull(replay, "replay");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the iat window is positive");
        }
    }

    /** The JWS algorithms accepted for proofs, for {@code dpop_signing_alg_values_supported} (RFC 9449 §5.1). */
    public static List<String> algorithmNames() {
        return ALGORITHMS.stream().map(JWSAlgorithm::getName).sorted().toList();
    }

    /** The {@code iat} acceptance window. */
    public Duration window() {
        return window;
    }

    /**
     * The JWK SHA-256 thumbprint (base64url) of the key of the one valid proof among {@code headers}; its {@code jti}
     * is consumed.
     *
     * @param headers the values of the request's {@code DPoP} header fields; not empty
     * @throws OAuthException {@code invalid_dpop_proof}
     */
    public String verify(List<String> headers) {
        if (headers.size() != 1) {
            // RFC 9449 §4.3 item 1: not more than one DPoP HTTP request header field
            throw reject("exactly one DPoP header is required");
        }
        SignedJWT proof = parse(headers.get(0));
        JWSHeader header = proof.getHeader();
        if (!TYP.equals(header.getType() == null ? null : header.getType().getType())) {
            // RFC 9449 §4.3 item 4: typ is dpop+jwt (explicit typing, RFC 8725 §3.11)
            throw reject("typ is not dpop+jwt");
        }
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            // RFC 9449 §4.3 item 5: an asymmetric algorithm the server supports; never none, never MAC
            throw reject("alg not allowed");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            // RFC 7515 §4.1.11: a recipient that does not understand a crit extension MUST reject the JWS
            throw reject("unsupported crit header");
        }
        JWK key = header.getJWK();
        if (key == null || key.isPrivate() || key instanceof OctetSequenceKey) {
            // RFC 9449 §4.3 item 7: the jwk header is a public key, without private members
            throw reject("jwk is not a public key");
        }
        if (!ClientKeys.fits(key, header.getAlgorithm()) || !verifies(proof, key)) {
            // RFC 9449 §4.3 item 6: the signature verifies with the public key in the jwk header
            throw reject("the signature does not verify with the jwk");
        }
        JWTClaimsSet claims = claims(proof);
        String jti = string(claims, "jti");
        String htm = string(claims, "htm");
        String htu = string(claims, "htu");
        Date iat = claims.getIssueTime();
        if (jti == null || htm == null || htu == null || iat == null || jti.isEmpty()) {
            // RFC 9449 §4.3 item 3: jti, htm, htu and iat are present
            throw reject("jti, htm, htu and iat are required");
        }
        if (!"POST".equals(htm)) {
            // RFC 9449 §4.3 item 8: htm matches the method of the request (the token endpoint takes POST)
            throw reject("htm is not POST");
        }
        if (!tokenEndpoint.equals(normalizeClaim(htu))) {
            // RFC 9449 §4.3 item 9: htu matches the target URI, ignoring query and fragment
            throw reject("htu is not this token endpoint");
        }
        Instant now = clock.instant();
        Instant issued = iat.toInstant();
        if (issued.isBefore(now.minus(window)) || issued.isAfter(now.plus(window))) {
            // RFC 9449 §4.3 item 11: iat within an acceptable window (§11.1)
            throw reject("iat outside the acceptance window");
        }
        if (jti.length() > AssertionVerifier.MAX_JTI_LENGTH) {
            throw reject("jti too long");
        }
        String thumbprint = thumbprint(key);
        // RFC 9449 §11.1: a proof is used once; the jti is kept until iat + window, after which iat fails anyway
        if (!replay.firstUse("dpop\n" + thumbprint + "\n" + jti, issued.plus(window))) {
            throw reject("jti already used");
        }
        return thumbprint;
    }

    /** The JWK SHA-256 thumbprint of {@code key}, base64url without padding (RFC 7638 §3; RFC 9449 §6.1). */
    static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint("SHA-256").toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static SignedJWT parse(String value) {
        if (value.length() > MAX_PROOF_LENGTH) {
            throw reject("proof too long");
        }
        try {
            return SignedJWT.parse(value);
        } catch (ParseException | RuntimeException e) {
            // RFC 9449 §4.3 item 2: a well-formed, signed JWT (alg none is not one)
            throw reject("not a signed JWT");
        }
    }

    private static JWTClaimsSet claims(SignedJWT proof) {
        try {
            return proof.getJWTClaimsSet();
        } catch (ParseException e) {
            throw reject("claims are not a JSON object");
        }
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw reject(name + " is not a string");
        }
    }

    private static boolean verifies(SignedJWT proof, JWK key) {
        try {
            return proof.verify(ClientKeys.verifier(key));
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private static String normalizeClaim(String htu) {
        try {
            return normalize(new URI(htu));
        } catch (URISyntaxException e) {
            return "";
        }
    }

    // RFC 3986 §6.2.2 (case of scheme and host) and §6.2.3 (default port, empty path); query and fragment dropped;
    // a URI with userinfo never matches
    static String normalize(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getScheme() == null || uri.getRawUserInfo() != null) {
            return "";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port) + path;
    }

    private static OAuthException reject(String reason) {
        return OAuthException.of(OAuthError.INVALID_DPOP_PROOF, "Invalid DPoP proof: " + reason, PROOF);
    }

    /** Only the endpoint is shown. */
    @Override
    public String toString() {
        return "DpopProofVerifier[" + tokenEndpoint + ", window=" + window + "]";
    }
}
