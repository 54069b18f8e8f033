package dev.lanyard.spec.token;

import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.FormParameters;

/**
 * The client authentication parameters a form body carries (RFC 6749 §2.3.1 {@code client_secret_post}, RFC 7523
 * §2.2 / RFC 7521 §4.2 client assertions), read at the token, revocation and introspection endpoints.
 *
 * <p>Only their shape is read: which method the client used, whether more than one was used (with an
 * {@code Authorization} header too), and whether they are valid is the authorization server's decision.
 *
 * @param clientId            {@code client_id}, OPTIONAL; VSCHAR
 * @param clientSecret        {@code client_secret}, OPTIONAL; VSCHAR
 * @param clientAssertionType {@code client_assertion_type}, OPTIONAL
 * @param clientAssertion     {@code client_assertion}, OPTIONAL; at most {@link TokenRequest#MAX_ASSERTION_LENGTH}
 *                            characters
 */
public record ClientCredentialsInRequest(Optional<String> clientId, Optional<String> clientSecret,
        Optional<String> clientAssertionType, Optional<String> clientAssertion) {

    /** The longest {@code client_secret} accepted. */
    public static final int MAX_SECRET_LENGTH = 512;

    public ClientCredentialsInRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(clientAssertionType, "clientAssertionType");
        Objects.requireNonNull(clientAssertion, "clientAssertion");
        GrantParameters.checkVschars("clientId", clientId, GrantParameters.MAX_CLIENT_ID_LENGTH);
        GrantParameters.checkVschars("clientSecret", clientSecret, MAX_SECRET_LENGTH);
        clientAssertionType.ifPresent(t -> GrantParameters.checkToken("clientAssertionType", t,
                GrantParameters.MAX_URI_LENGTH));
        clientAssertion.ifPresent(a -> GrantParameters.checkToken("clientAssertion", a,
                TokenRequest.MAX_ASSERTION_LENGTH));
    }

    /** No client credentials in the body. */
    public static ClientCredentialsInRequest none() {
        return new ClientCredentialsInRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Reads the client authentication parameters of a form body.
     *
     * @throws dev.lanyard.spec.error.OAuthException {@code invalid_request} when one is repeated, too long, or (for
     *                                               {@code client_id} and {@code client_secret}) not VSCHAR
     */
    public static ClientCredentialsInRequest parse(FormParameters p) {
        Optional<String> clientId = p.get("client_id", GrantParameters.MAX_CLIENT_ID_LENGTH)
                .map(v -> GrantParameters.vschars("client_id", v));
        Optional<String> clientSecret = p.get("client_secret", MAX_SECRET_LENGTH)
                .map(v -> GrantParameters.vschars("client_secret", v));
        Optional<String> clientAssertionType = p.get("client_assertion_type", GrantParameters.MAX_URI_LENGTH);
        Optional<String> clientAssertion = p.get("client_assertion", TokenRequest.MAX_ASSERTION_LENGTH);
        return new ClientCredentialsInRequest(clientId, clientSecret, clientAssertionType, clientAssertion);
    }

    /** Whether the body carries none of these parameters. */
    public boolean isEmpty() {
        return clientId.isEmpty() && clientSecret.isEmpty() && clientAssertionType.isEmpty()
                && clientAssertion.isEmpty();
    }

    /** The parameters, in the order of the record; {@code parse(toForm())} equals this. */
    public FormParameters toForm() {
        return FormParameters.builder()
                .add("client_id", clientId)
                .add("client_secret", clientSecret)
                .add("client_assertion_type", clientAssertionType)
                .add("client_assertion", clientAssertion)
                .build();
    }

    /** The secret and assertion are not shown. */
    @Override
    public String toString() {
        return "ClientCredentialsInRequest[clientId=" + clientId + ", clientSecret="
                + clientSecret.map(s -> "***") + ", clientAssertionType=" + clientAssertionType
                + ", clientAssertion=" + clientAssertion.map(s -> "***") + "]";
    }
}
