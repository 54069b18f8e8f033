package dev.lanyard.spec.token;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;

/**
 * A token request for an extension grant not modelled by its own record (RFC 6749 §4.5): {@code grant_type} is an
 * absolute URI, and the other parameters are kept for the handler that supports it. The endpoint answers
 * {@code unsupported_grant_type} when no handler does.
 *
 * <p>{@link #parameters()} holds every parameter except {@code grant_type} and the client credentials
 * ({@code client_secret}, {@code client_assertion}, {@code client_assertion_type}, read by
 * {@link ClientCredentialsInRequest}); empty values are dropped (empty means absent, OAuth 2.1 §3.2.2). Repeated
 * parameters are kept: the handler reads them with {@link FormParameters#get(String)}, which refuses repeats.
 *
 * @param grantType  the {@code grant_type}: an absolute URI other than the grant types with their own record
 * @param parameters the other parameters
 */
public record ExtensionGrant(GrantType grantType, FormParameters parameters) implements TokenRequest {

    /** Parameters never kept in {@link #parameters()}. */
    public static final Set<String> EXCLUDED = Set.of("grant_type", "client_secret", "client_assertion",
            "client_assertion_type");

    public ExtensionGrant {
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(parameters, "parameters");
        if (!isExtensionGrantType(grantType.value())) {
            throw new IllegalArgumentException("an extension grant_type is an absolute URI without its own record");
        }
        if (parameters.names().stream().anyMatch(EXCLUDED::contains)) {
            throw new IllegalArgumentException("parameters must not hold grant_type or client credentials");
        }
        FormParameters.Builder b = FormParameters.builder();
        parameters.asMap().forEach(b::addAll);
        parameters = b.build();
    }

    /**
     * Whether {@code grantType} is read as an extension grant: an absolute URI (RFC 6749 §4.5) that is neither token
     * exchange nor JWT bearer.
     */
    public static boolean isExtensionGrantType(String grantType) {
        return grantType.length() <= MAX_GRANT_TYPE_LENGTH && GrantParameters.isAbsoluteUri(grantType)
                && !List.of(GrantType.TOKEN_EXCHANGE.value(), GrantType.JWT_BEARER.value()).contains(grantType);
    }

    static ExtensionGrant parse(GrantType grantType, FormParameters p) {
        return new ExtensionGrant(grantType, p.without(EXCLUDED));
    }

    @Override
    public FormParameters toForm() {
        FormParameters.Builder b = FormParameters.builder().add("grant_type", grantType.value());
        parameters.asMap().forEach(b::addAll);
        return b.build();
    }
}
