package dev.lanyard.spec.authz;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.Vschar;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * An authorization request of the code flow, the only {@code response_type} Lanyard serves.
 *
 * <pre>
 * GET /authorize?response_type=code&amp;client_id=s6BhdRkqt3&amp;state=xyz
 *     &amp;redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb
 *     &amp;code_challenge=6fdkQaPm51l13DSukcAH3Mdx7_ntecHYd1vi3n0hMZY
 *     &amp;code_challenge_method=S256 HTTP/1.1
 * </pre>
 *
 * <h2>Two steps at the authorization endpoint</h2>
 * An error may be redirected to the client only once {@code client_id} and {@code redirect_uri} are validated
 * (OAuth 2.1 §4.1.2.1, AZ-10, AZ-11). So the endpoint:
 * <ol>
 *   <li>calls {@link #front(FormParameters)}, which reads only {@code client_id}, {@code redirect_uri} and
 *       {@code state}. Its {@link OAuthException} (missing or repeated {@code client_id}, repeated or malformed
 *       {@code redirect_uri}, repeated or malformed {@code state}) MUST NOT be redirected: show an error page;</li>
 *   <li>looks up the client and checks the redirect URI ({@link RedirectUri#select}); those errors are not
 *       redirected either;</li>
 *   <li>calls {@link #parse(FormParameters)}. Its {@link OAuthException} is redirected to the validated redirect URI
 *       with {@link Front#state()} and {@code iss} ({@link Front#errorResponse}).</li>
 * </ol>
 *
 * <p>Empty parameters are absent; repeated ones are {@code invalid_request}; unknown ones are ignored and dropped
 * (OAuth 2.1 §3.1). Request objects ({@code request}, {@code request_uri}) are not supported and refused.
 * {@code code_challenge} is OPTIONAL here so that the server's policy decides (AZ-12); when it is sent,
 * {@code code_challenge_method} is REQUIRED and must be {@code S256} (OAuth 2.1 -16 §4.1.1). Empty {@code resources}
 * are omitted on output.
 *
 * <p>Specifications: {@value Specs#OAUTH21} §3.1, §4.1.1, §4.1.2.1, Appendix A; RFC 6749 §4.1.1; RFC 7636 §4.3;
 * RFC 8707 §2.1; OpenID Connect Core 1.0 §3.1.2.1 ({@code nonce}, {@code prompt}).
 *
 * @param clientId            {@code client_id}, REQUIRED
 * @param codeChallenge       {@code code_challenge}, REQUIRED by Lanyard's default policy, not by this message
 * @param codeChallengeMethod {@code code_challenge_method}, REQUIRED when a challenge is sent; only {@code S256}
 * @param redirectUri         {@code redirect_uri}, OPTIONAL if only one is registered, exactly as sent
 * @param scope               {@code scope}, OPTIONAL; never empty
 * @param state               {@code state}, OPTIONAL; echoed exactly in the response
 * @param resources           {@code resource} values (RFC 8707), OPTIONAL and repeatable
 * @param nonce               {@code nonce} (OpenID Connect), OPTIONAL
 * @param prompt              {@code prompt} (OpenID Connect), OPTIONAL
 */
public record AuthorizationRequest(String clientId, Optional<CodeChallenge> codeChallenge,
        Optional<CodeChallengeMethod> codeChallengeMethod, Optional<String> redirectUri, Optional<Scope> scope,
        Optional<String> state, List<ResourceIndicator> resources, Optional<String> nonce, Optional<String> prompt) {

    /** The one {@code response_type} served (OAuth 2.1 §4.1.1). */
    public static final String RESPONSE_TYPE_CODE = "code";
    /** The longest {@code client_id} accepted. */
    public static final int MAX_CLIENT_ID_LENGTH = 2048;
    /** The longest {@code state} accepted (INP-03). */
    public static final int MAX_STATE_LENGTH = 2048;
    /** The longest {@code nonce} accepted. */
    public static final int MAX_NONCE_LENGTH = 2048;
    /** The longest {@code prompt} accepted. */
    public static final int MAX_PROMPT_LENGTH = 256;

    private static final SpecRef REQUEST = Specs.OAUTH21_AUTHORIZATION_REQUEST;
    private static final SpecRef CLIENT_ID_SYNTAX = SpecRef.rfc(6749, "A.1");
    private static final SpecRef STATE_SYNTAX = SpecRef.rfc(6749, "A.5");
    private static final SpecRef REQUEST_OBJECT = SpecRef.rfc(9101, "5");

    public AuthorizationRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(codeChallengeMethod, "codeChallengeMethod");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(state, "state");
        resources = List.copyOf(resources);
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(prompt, "prompt");
        require(!clientId.isEmpty() && clientId.length() <= MAX_CLIENT_ID_LENGTH && isVisibleAscii(clientId),
                "client_id is 1 to " + MAX_CLIENT_ID_LENGTH + " VSCHAR");
        require(codeChallenge.isPresent() == codeChallengeMethod.isPresent(),
                "code_challenge and code_challenge_method go together");
        require(codeChallengeMethod.map(CodeChallengeMethod::isSupported).orElse(true), "only S256 is supported");
        require(redirectUri.map(RedirectUri::requestViolation).isEmpty(), "redirect_uri is malformed");
        require(scope.map(s -> !s.isEmpty()).orElse(true), "an empty scope is an absent scope");
        require(state.map(s -> !s.isEmpty() && s.length() <= MAX_STATE_LENGTH && isVisibleAscii(s)).orElse(true),
                "state is 1 to " + MAX_STATE_LENGTH + " VSCHAR");
        require(nonce.map(s -> !s.isEmpty() && s.length() <= MAX_NONCE_LENGTH).orElse(true), "nonce length");
        require(prompt.map(s -> !s.isEmpty() && s.length() <= MAX_PROMPT_LENGTH).orElse(true), "prompt length");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Step 1 at the authorization endpoint: reads {@code client_id}, {@code redirect_uri} and {@code state} only.
     *
     * @throws OAuthException {@code invalid_request} naming the parameter; MUST NOT be redirected (AZ-10, INP-01)
     */
    public static Front front(FormParameters p) {
        String clientId = p.require("client_id", REQUEST);
        if (clientId.length() > MAX_CLIENT_ID_LENGTH || !isVisibleAscii(clientId)) {
            // OAuth 2.1 Appendix A.1: client-id = *VSCHAR
            throw OAuthException.invalidRequest("Parameter client_id is malformed", CLIENT_ID_SYNTAX);
        }
        Optional<String> redirectUri = p.get("redirect_uri", RedirectUri.MAX_LENGTH);
        if (redirectUri.isPresent()) {
            Violation v = RedirectUri.requestViolation(redirectUri.get());
            if (v != null) {
                throw OAuthException.invalidRequest("Parameter redirect_uri " + v.message(), v.rule());
            }
        }
        Optional<String> state = p.get("state", MAX_STATE_LENGTH);
        if (state.isPresent() && !isVisibleAscii(state.get())) {
            // OAuth 2.1 Appendix A.5: state = 1*VSCHAR
            throw OAuthException.invalidRequest("Parameter state is malformed", STATE_SYNTAX);
        }
        return new Front(clientId, redirectUri, state);
    }

    /**
     * Reads a whole authorization request. At the authorization endpoint, call {@link #front(FormParameters)} first
     * and validate the client and redirect URI: then every exception of this method may be redirected.
     *
     * @throws OAuthException {@code invalid_request} for a missing {@code response_type}, a repeated parameter, a
     *                        malformed challenge, a missing or unsupported method, or a method without a challenge;
     *                        {@code unsupported_response_type} for any {@code response_type} but {@code code};
     *                        {@code invalid_scope} for a malformed scope; {@code invalid_target} for a malformed
     *                        {@code resource}; {@code request_not_supported} and {@code request_uri_not_supported}
     *                        for a request object ({@code request}, {@code request_uri}: RFC 9101, RFC 9126); and
     *                        those of {@link #front(FormParameters)}
     */
    public static AuthorizationRequest parse(FormParameters p) {
        Front front = front(p);
        // RFC 9101 §5: Lanyard takes no request object, by value or by reference (nor PAR's request_uri, RFC 9126);
        // refused with the OpenID Connect Core §3.1.2.6 codes rather than ignored, so that parameters the client put in
        // a signed object are never replaced by the unsigned ones beside it, and nothing is fetched
        if (p.has("request")) {
            throw OAuthException.of(OAuthError.REQUEST_NOT_SUPPORTED, "Parameter request is not supported",
                    REQUEST_OBJECT);
        }
        if (p.has("request_uri")) {
            throw OAuthException.of(OAuthError.REQUEST_URI_NOT_SUPPORTED, "Parameter request_uri is not supported",
                    REQUEST_OBJECT);
        }
        // OAuth 2.1 §4.1.1: response_type REQUIRED; not understood -> unsupported_response_type (AZ-05)
        String responseType = p.require("response_type", REQUEST);
        if (!RESPONSE_TYPE_CODE.equals(responseType)) {
            throw OAuthException.of(OAuthError.UNSUPPORTED_RESPONSE_TYPE,
                    "Parameter response_type: only code is supported", REQUEST);
        }
        Optional<String> challenge = p.get("code_challenge");
        Optional<String> method = p.get("code_challenge_method");
        if (method.isPresent() && challenge.isEmpty()) {
            // PK-06: a method without a challenge is invalid_request
            throw OAuthException.invalidRequest("Parameter code_challenge_method requires code_challenge", REQUEST);
        }
        if (challenge.isPresent() && method.isEmpty()) {
            // OAuth 2.1 -16 §4.1.1: code_challenge_method is REQUIRED; -15 defaulted it to the refused plain
            throw OAuthException.invalidRequest("Missing parameter code_challenge_method", REQUEST);
        }
        Optional<CodeChallenge> codeChallenge = challenge.map(CodeChallenge::parse);
        Optional<CodeChallengeMethod> codeChallengeMethod = method.map(CodeChallengeMethod::parse);
        Optional<Scope> scope = Scope.parseOptional(p.get("scope"));
        // RFC 8707 §2: resource may repeat to name several; the same one named twice is one audience
        List<ResourceIndicator> resources = p.getAll("resource").stream().map(ResourceIndicator::parse).distinct()
                .toList();
        Optional<String> nonce = p.get("nonce", MAX_NONCE_LENGTH);
        if (nonce.filter(n -> n.chars().anyMatch(Character::isISOControl)).isPresent()) {
            // OIDC Core §3.1.2.1: the nonce is an opaque string echoed in the ID token; a control character (U+0000
            // fits no PostgreSQL text column) is refused rather than stored with the code
            throw OAuthException.invalidRequest("Parameter nonce holds a control character", REQUEST);
        }
        Optional<String> prompt = p.get("prompt", MAX_PROMPT_LENGTH);
        return new AuthorizationRequest(front.clientId(), codeChallenge, codeChallengeMethod, front.redirectUri(),
                scope, front.state(), resources, nonce, prompt);
    }

    /** The parameters of this request, {@code response_type=code} first; {@code parse(toForm())} equals this. */
    public FormParameters toForm() {
        return FormParameters.builder()
                .add("response_type", RESPONSE_TYPE_CODE)
                .add("client_id", clientId)
                .add("redirect_uri", redirectUri)
                .add("scope", scope)
                .add("state", state)
                .add("code_challenge", codeChallenge)
                .add("code_challenge_method", codeChallengeMethod)
                .addAll("resource", resources)
                .add("nonce", nonce)
                .add("prompt", prompt)
                .build();
    }

    /** The query string of this request ({@code application/x-www-form-urlencoded}). */
    public String toQuery() {
        return toForm().toUrlEncoded();
    }

    /**
     * The URI the user agent is sent to: {@code authorizationEndpoint} with this request added to its query, keeping
     * any query it has (OAuth 2.1 §3.1).
     *
     * @throws IllegalArgumentException when the endpoint has a fragment (OAuth 2.1 §3.1: it MUST NOT)
     */
    public String toUri(String authorizationEndpoint) {
        return Queries.append(authorizationEndpoint, toForm());
    }

    /** Whether every character is VSCHAR ({@code %x20-7E}, OAuth 2.1 Appendix A). */
    static boolean isVisibleAscii(String s) {
        return Vschar.only(s);
    }

    /**
     * What the authorization endpoint reads before it knows whether it may redirect.
     *
     * @param clientId    {@code client_id}
     * @param redirectUri {@code redirect_uri}, exactly as sent, not yet matched
     * @param state       {@code state}, to echo in any redirected error
     */
    public record Front(String clientId, Optional<String> redirectUri, Optional<String> state) {

        public Front {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(state, "state");
        }

        /**
         * The error response to redirect, once client and redirect URI are validated: the error, this request's
         * {@code state}, and {@code iss} (RFC 9207; Lanyard always sends it).
         */
        public AuthorizationResponse.Error errorResponse(OAuthError error, String issuer) {
            return new AuthorizationResponse.Error(error, state, Optional.of(issuer));
        }
    }
}
