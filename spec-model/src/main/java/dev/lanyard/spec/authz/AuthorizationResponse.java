package dev.lanyard.spec.authz;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * The response of the authorization endpoint, delivered in the query of the redirect URI: a {@link Success} with the
 * code, or an {@link Error}; both carry {@code state} (when the request had one) and {@code iss} (RFC 9207).
 *
 * <pre>
 * HTTP/1.1 302 Found
 * Location: https://client.example/cb?code=x1848ZT64p4IirMPT0R-X3141MFPTuBX-VFL_cvaplMH58
 *   &amp;state=ZWVlNDBlYzA1NjdkMDNhYjg3ZjUxZjAyNGQzMTM2NzI&amp;iss=https%3A%2F%2Fhonest.as.example
 * </pre>
 *
 * <p>The server builds the {@code Location} with {@link #toRedirectUri(String)}; a client reads its callback with
 * {@link #parse(URI)} and then compares {@code state} and {@code iss} with what it expects (RFC 9207 §2.4). Unknown
 * response parameters are ignored (OAuth 2.1 §4.1.2).
 *
 * <p>Specifications: {@value Specs#OAUTH21} §4.1.2, §4.1.2.1, §7.15.1; RFC 6749 §4.1.2, §4.1.2.1; RFC 9207 §2.
 */
public sealed interface AuthorizationResponse permits AuthorizationResponse.Success, AuthorizationResponse.Error {

    /** {@code state}: REQUIRED if the request had one, the exact value received. */
    Optional<String> state();

    /** {@code iss}: the issuer identifier of the authorization server (RFC 9207 §2). */
    Optional<String> iss();

    /** The response parameters, in order; {@code parse(toForm())} equals this response. */
    FormParameters toForm();

    /**
     * The {@code Location} to redirect to: {@code redirectUri} with the response added to its query, keeping the
     * query the registered redirect URI has (OAuth 2.1 §2.3, §4.1.2; A-008).
     *
     * @param redirectUri the validated redirect URI, exactly as the request used it
     * @throws IllegalArgumentException when {@code redirectUri} has a fragment
     */
    default String toRedirectUri(String redirectUri) {
        return Queries.append(redirectUri, toForm());
    }

    /**
     * Reads the authorization response from the query of the URI the client's redirection endpoint received.
     *
     * @throws OAuthException {@code invalid_request} naming the parameter when one is repeated, malformed or missing
     */
    static AuthorizationResponse parse(URI callback) {
        String query = callback.getRawQuery();
        return parse(query == null ? FormParameters.empty() : FormParameters.parse(query));
    }

    /**
     * Reads an authorization response from its parameters: an {@link Error} when {@code error} is present, otherwise
     * a {@link Success}. The HTTP status of the error is the registered one for its code (400 if unregistered).
     *
     * @throws OAuthException {@code invalid_request} naming the parameter when one is repeated, malformed or missing,
     *                        or when both {@code code} and {@code error} are present
     */
    static AuthorizationResponse parse(FormParameters p) {
        Optional<String> code = p.get("code");
        Optional<String> error = p.get("error");
        Optional<String> state = p.get("state");
        Optional<String> iss = p.get("iss");
        // OAuth 2.1 Appendix A.5: state = 1*VSCHAR; RFC 9207 §2: iss is a URL
        if (state.isPresent() && !AuthorizationRequest.isVisibleAscii(state.get())) {
            throw OAuthException.invalidRequest("Parameter state is malformed", Specs.OAUTH21_AUTHORIZATION_RESPONSE);
        }
        if (iss.isPresent() && !AuthorizationRequest.isVisibleAscii(iss.get())) {
            throw OAuthException.invalidRequest("Parameter iss is malformed", Specs.RFC9207_ISS);
        }
        if (error.isEmpty()) {
            String c = code.orElseThrow(() -> OAuthException.invalidRequest("Missing parameter code",
                    Specs.OAUTH21_AUTHORIZATION_RESPONSE));
            if (!AuthorizationRequest.isVisibleAscii(c)) {
                // OAuth 2.1 Appendix A.11: code = 1*VSCHAR
                throw OAuthException.invalidRequest("Parameter code is malformed",
                        Specs.OAUTH21_AUTHORIZATION_RESPONSE);
            }
            return new Success(c, state, iss);
        }
        if (code.isPresent()) {
            throw OAuthException.invalidRequest("Parameters code and error are both present",
                    Specs.OAUTH21_AUTHORIZATION_RESPONSE);
        }
        // OAuth 2.1 §4.1.2.1: error and error_description use %x20-21 / %x23-5B / %x5D-7E only
        if (!OAuthError.isErrorText(error.get())) {
            throw OAuthException.invalidRequest("Parameter error is malformed", Specs.OAUTH21_AUTHORIZATION_ERROR);
        }
        Optional<String> description = p.get("error_description");
        if (description.isPresent() && !OAuthError.isErrorText(description.get())) {
            throw OAuthException.invalidRequest("Parameter error_description is malformed",
                    Specs.OAUTH21_AUTHORIZATION_ERROR);
        }
        Optional<URI> uri = Optional.empty();
        Optional<String> u = p.get("error_uri");
        if (u.isPresent()) {
            try {
                // error-uri = URI-reference, %x21 / %x23-5B / %x5D-7E
                if (!OAuthError.isErrorText(u.get()) || u.get().indexOf(' ') >= 0) {
                    throw new URISyntaxException("error_uri", "outside %x21 / %x23-5B / %x5D-7E");
                }
                uri = Optional.of(new URI(u.get()));
            } catch (URISyntaxException e) {
                throw OAuthException.invalidRequest("Parameter error_uri is malformed",
                        Specs.OAUTH21_AUTHORIZATION_ERROR);
            }
        }
        int status = OAuthError.forCode(error.get()).httpStatus();
        return new Error(new OAuthError(error.get(), description, uri, status), state, iss);
    }

    /**
     * The resource owner granted access (OAuth 2.1 §4.1.2).
     *
     * @param code  {@code code}, REQUIRED: the authorization code, {@code 1*VSCHAR}
     * @param state {@code state}, REQUIRED if the request had one; {@code 1*VSCHAR}
     * @param iss   {@code iss} (RFC 9207 §2); {@code 1*VSCHAR}
     */
    record Success(String code, Optional<String> state, Optional<String> iss) implements AuthorizationResponse {

        public Success {
            Objects.requireNonNull(code, "code");
            if (code.isEmpty() || !AuthorizationRequest.isVisibleAscii(code)) {
                throw new IllegalArgumentException("code = 1*VSCHAR (OAuth 2.1 Appendix A)");
            }
            nonEmpty(state, "state");
            nonEmpty(iss, "iss");
        }

        @Override
        public FormParameters toForm() {
            return FormParameters.builder().add("code", code).add("state", state).add("iss", iss).build();
        }

        /** The code is a credential: it is not shown. */
        @Override
        public String toString() {
            return "Success[code=****, state=" + state + ", iss=" + iss + "]";
        }
    }

    /**
     * The request failed or was denied (OAuth 2.1 §4.1.2.1).
     *
     * @param error the {@code error}, {@code error_description} and {@code error_uri}
     * @param state {@code state}, REQUIRED if the request had one; {@code 1*VSCHAR}
     * @param iss   {@code iss} (RFC 9207 §2); {@code 1*VSCHAR}
     */
    record Error(OAuthError error, Optional<String> state, Optional<String> iss) implements AuthorizationResponse {

        public Error {
            Objects.requireNonNull(error, "error");
            nonEmpty(state, "state");
            nonEmpty(iss, "iss");
        }

        @Override
        public FormParameters toForm() {
            FormParameters.Builder b = FormParameters.builder();
            error.toParameters().forEach(b::add);
            return b.add("state", state).add("iss", iss).build();
        }
    }

    private static void nonEmpty(Optional<String> value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && (value.get().isEmpty() || !AuthorizationRequest.isVisibleAscii(value.get()))) {
            throw new IllegalArgumentException(name + " = 1*VSCHAR (OAuth 2.1 Appendix A); empty is absent");
        }
    }
}
