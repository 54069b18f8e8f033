package dev.lanyard.rs.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.ref.SpecRef;

/**
 * Validates a JWT access token (RFC 9068 §4) for this resource: strict compact JWS syntax, {@code typ}
 * {@code at+jwt}, an allow-listed asymmetric algorithm, a key from the issuer's JWKS chosen by {@code kid} (never
 * from the token's own {@code jwk}, {@code jku}, {@code x5u} or {@code x5c}), {@code iss} a trusted issuer,
 * {@code aud} containing this resource, and the time claims. Every failure is {@code invalid_token}.
 */
final class JwtAccessTokenVerifier {

    private static final SpecRef RFC9068_VALIDATION = SpecRef.rfc(9068, "4");
    private static final SpecRef RFC7515_COMPACT = SpecRef.rfc(7515, "7.1");
    private static final SpecRef RFC8725_ONE_ALGORITHM = SpecRef.rfc(8725, "3.1");
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final boolean[] BASE64URL_OR_DOT = new boolean[128];
    private static final int MAX_CACHED_HEADERS = 64;
    private static final int MAX_CACHED_HEADER_LENGTH = 1024;

    static {
        // RFC 4648 §5: A-Z a-z 0-9 - _ (no padding in JWS), and the separator '.'
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".toCharArray()) {
            BASE64URL_OR_DOT[c] = true;
        }
    }

    private final ResourceServerSettings settings;
    private final JwksKeySource keys;
    private final DefaultJWSVerifierFactory verifierFactory = new DefaultJWSVerifierFactory();
    private final Map<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();
    private final Map<String, JWSHeader> algHeaders;
    private final Map<String, Header> headers = new ConcurrentHashMap<>();
    private final long leeway;

    JwtAccessTokenVerifier(ResourceServerSettings settings, JwksKeySource keys) {
        this.settings = settings;
        this.keys = keys;
        Map<String, JWSHeader> byAlg = new java.util.HashMap<>();
        for (String alg : settings.algorithms()) {
            byAlg.put(alg, new JWSHeader(JWSAlgorithm.parse(alg)));
        }
        this.algHeaders = Map.copyOf(byAlg);
        this.leeway = settings.leeway().toSeconds();
    }

    AccessTokenPrincipal verify(String token, Instant now) {
        // RFC 7515 §7.1: three base64url segments; INP-03: bounded size
        if (token.length() > settings.maxTokenLength()) {
            throw invalid("The access token is too large", RFC7515_COMPACT);
        }
        int d1 = token.indexOf('.');
        int d2 = d1 < 0 ? -1 : token.indexOf('.', d1 + 1);
        // Any character beyond ASCII becomes '?', which is not base64url: the check below refuses it.
        byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
        if (d1 <= 0 || d2 <= d1 + 1 || d2 == token.length() - 1 || token.indexOf('.', d2 + 1) >= 0
                || !isBase64UrlOrDot(ascii)) {
            throw invalid("The access token is not a compact JWS", RFC7515_COMPACT);
        }

        Header header = header(token.substring(0, d1), ascii);
        byte[] payloadJson = decode(ascii, d1 + 1, d2);
        JsonObject payload = payloadJson == null ? null
                : StrictJson.parseObject(new String(payloadJson, StandardCharsets.UTF_8)).toOptional().orElse(null);
        if (payload == null) {
            throw invalid("The access token's claims are malformed", RFC9068_VALIDATION);
        }
        AccessTokenClaims claims = switch (AccessTokenClaims.parse(payload)) {
            case Parsed.Ok<AccessTokenClaims> ok -> ok.value();
            case Parsed.Invalid<AccessTokenClaims> bad -> throw invalid("The access token's claims are invalid",
                    RFC9068_VALIDATION);
        };
        // RFC 9068 §4: iss MUST exactly match the issuer of the authorization server
        if (!settings.authorizationServers().contains(claims.iss())) {
            throw invalid("The access token was not issued by a trusted authorization server", RFC9068_VALIDATION);
        }
        // RFC 9068 §4, RFC 8707 §2: aud MUST contain this resource's identifier
        if (!claims.aud().contains(settings.resource())) {
            throw invalid("The access token is not meant for this resource", RFC9068_VALIDATION);
        }
        long t = now.getEpochSecond();
        if (claims.exp() + leeway <= t) {
            throw invalid("The access token expired", RFC9068_VALIDATION);
        }
        if (claims.nbf().isPresent() && claims.nbf().get() - leeway > t) {
            throw invalid("The access token is not valid yet", RFC9068_VALIDATION);
        }
        if (claims.iat() - leeway > t) {
            throw invalid("The access token was issued in the future", RFC9068_VALIDATION);
        }
        JWK key = keys.find(claims.iss(), header.kid(), header.keyType())
                .orElseThrow(() -> invalid("The access token's signing key is unknown", RFC9068_VALIDATION));
        // RFC 8725 §3.1, RFC 7517 §4.4: a key that names its algorithm is used with that algorithm only
        if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(header.jws().getAlgorithm().getName())) {
            throw invalid("The access token's algorithm is not the one of its signing key", RFC8725_ONE_ALGORITHM);
        }
        byte[] signature = decode(ascii, d2 + 1, ascii.length);
        if (signature == null) {
            throw invalid("The access token's signature is invalid", RFC7515_COMPACT);
        }
        try {
            if (!verifier(header.jws(), key).verify(header.jws(), Arrays.copyOf(ascii, d2),
                    new DecodedBase64URL(token.substring(d2 + 1), signature))) {
                throw invalid("The access token's signature is invalid", RFC9068_VALIDATION);
            }
        } catch (JOSEException e) {
            throw invalid("The access token's signature is invalid", RFC9068_VALIDATION);
        }
        return new AccessTokenPrincipal(claims.sub(), claims.clientId(),
                claims.scope().orElse(Scope.of()), claims.iss(), claims.aud(),
                Instant.ofEpochSecond(claims.exp()), Optional.of(claims.jti()), payload);
    }

    // The same header segment always reads the same (it is a pure function of these bytes, and the signature covers
    // them), so an accepted header is remembered by its exact text: the tokens of one issuer share a few headers.
    private Header header(String segment, byte[] ascii) {
        Header known = headers.get(segment);
        if (known != null) {
            return known;
        }
        Header read = readHeader(decode(ascii, 0, segment.length()));
        if (segment.length() <= MAX_CACHED_HEADER_LENGTH) {
            if (headers.size() >= MAX_CACHED_HEADERS) {
                headers.clear(); // bounded: a flood of distinct headers costs a parse each, never memory
            }
            headers.put(segment, read);
        }
        return read;
    }

    // The header is read once, strictly; only alg, typ, kid and crit matter. jwk, jku, x5u, x5c are never used.
    private Header readHeader(byte[] decoded) {
        JsonObject json = decoded == null ? null
                : StrictJson.parseObject(new String(decoded, StandardCharsets.UTF_8)).toOptional().orElse(null);
        if (json == null) {
            throw invalid("The access token's header is malformed", RFC7515_COMPACT);
        }
        String alg = json.get("alg") instanceof JsonString s ? s.getString() : "";
        // RFC 9068 §4: the algorithm MUST NOT be none; only the configured asymmetric algorithms are accepted
        JWSHeader algHeader = algHeaders.get(alg);
        if (algHeader == null) {
            throw invalid("The access token's algorithm is not accepted", RFC9068_VALIDATION);
        }
        // RFC 9068 §4: typ MUST be at+jwt (or application/at+jwt)
        if (!(json.get("typ") instanceof JsonString typ) || !AccessTokenClaims.isAccessTokenTyp(typ.getString())) {
            throw invalid("The token is not a JWT access token (typ)", RFC9068_VALIDATION);
        }
        // RFC 7515 §4.1.11: critical extensions we do not understand make the JWS invalid
        if (json.containsKey("crit")) {
            throw invalid("The access token has critical header parameters", RFC7515_COMPACT);
        }
        JsonValue kid = json.get("kid");
        if (kid != null && !(kid instanceof JsonString)) {
            throw invalid("The access token's header is malformed", RFC7515_COMPACT);
        }
        return new Header(algHeader, kid == null ? Optional.empty() : Optional.of(((JsonString) kid).getString()),
                keyType(algHeader.getAlgorithm()));
    }

    private record Header(JWSHeader jws, Optional<String> kid, String keyType) {
    }

    /** A signature segment decoded once, by the JDK's decoder, and handed to the nimbus verifier as such. */
    private static final class DecodedBase64URL extends Base64URL {
        @java.io.Serial
        private static final long serialVersionUID = 1L;
        private final byte[] decoded;

        DecodedBase64URL(String segment, byte[] decoded) {
            super(segment);
            this.decoded = decoded;
        }

        @Override
        public byte[] decode() {
            return decoded.clone();
        }
    }

    private JWSVerifier verifier(JWSHeader header, JWK key) throws JOSEException {
        JWSVerifier v = verifiers.get(key);
        if (v == null) {
            if (!(key instanceof AsymmetricJWK asymmetric)) {
                throw new JOSEException("not an asymmetric key");
            }
            v = verifierFactory.createJWSVerifier(header, asymmetric.toPublicKey());
            if (verifiers.size() < 64) {
                verifiers.put(key, v);
            }
        }
        return v;
    }

    private static String keyType(JWSAlgorithm alg) {
        if (JWSAlgorithm.Family.EC.contains(alg)) {
            return "EC";
        }
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            return "RSA";
        }
        if (JWSAlgorithm.Family.ED.contains(alg)) {
            return "OKP";
        }
        return "?";
    }

    // RFC 7515 §2: base64url without padding; null when the segment is not (for example a length of 4n+1)
    private static byte[] decode(byte[] ascii, int from, int to) {
        try {
            return BASE64URL.decode(Arrays.copyOfRange(ascii, from, to));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isBase64UrlOrDot(byte[] ascii) {
        for (byte b : ascii) {
            if (b < 0 || !BASE64URL_OR_DOT[b]) {
                return false;
            }
        }
        return true;
    }

    private static OAuthException invalid(String description, SpecRef rule) {
        return OAuthException.of(OAuthError.INVALID_TOKEN, description, rule);
    }
}
