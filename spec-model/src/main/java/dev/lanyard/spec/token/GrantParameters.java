package dev.lanyard.spec.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.core.Vschar;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/** Readers and checks shared by the token endpoint's messages. Descriptions name parameters, never values. */
final class GrantParameters {

    /** The longest URI-valued parameter accepted ({@code redirect_uri}, token type URIs, {@code audience}). */
    static final int MAX_URI_LENGTH = 2048;
    /** The longest {@code client_id} accepted. */
    static final int MAX_CLIENT_ID_LENGTH = 2048;

    private GrantParameters() {
    }

    /** A REQUIRED single-valued parameter with a length cap. */
    static String require(FormParameters p, String name, int maxLength, SpecRef rule) {
        return p.get(name, maxLength)
                .orElseThrow(() -> OAuthException.invalidRequest("Missing parameter " + name, rule));
    }

    /**
     * Every {@code resource} value (RFC 8707 §2), each once, in order; {@code invalid_target} when one is not an
     * absolute URI.
     */
    static List<ResourceIndicator> resources(FormParameters p) {
        return p.getAll("resource").stream().map(ResourceIndicator::parse).distinct().toList();
    }

    /** An OPTIONAL token type identifier (RFC 8693 §3): an absolute URI. */
    static Optional<TokenTypeUri> tokenType(FormParameters p, String name) {
        Optional<String> value = p.get(name, MAX_URI_LENGTH);
        if (value.isPresent() && !isAbsoluteUri(value.get())) {
            // RFC 8693 §3: token type identifiers are URIs
            throw OAuthException.invalidRequest("Parameter " + name + " must be an absolute URI",
                    SpecRef.rfc(8693, "3"));
        }
        return value.map(TokenTypeUri::new);
    }

    /** Requires {@code value} to be 1*VSCHAR (RFC 6749 Appendix A), or {@code invalid_request} naming the parameter. */
    static String vschars(String name, String value) {
        if (!isVschars(value)) {
            throw OAuthException.invalidRequest("Parameter " + name + " is malformed", Specs.RFC6749_SYNTAX);
        }
        return value;
    }

    /** Whether {@code value} is non-empty and only {@code %x20-7E} (VSCHAR, RFC 6749 Appendix A). */
    static boolean isVschars(String value) {
        return !value.isEmpty() && Vschar.only(value);
    }

    /** Whether {@code value} is an absolute URI (RFC 3986 §4.3: a scheme, no fragment). */
    static boolean isAbsoluteUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getRawFragment() == null && value.indexOf('#') < 0;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // Invariant checks of canonical constructors (programmer errors, not protocol errors).

    static String checkToken(String component, String value, int maxLength) {
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(component + " must have 1 to " + maxLength + " characters");
        }
        return value;
    }

    static void checkVschars(String component, Optional<String> value, int maxLength) {
        value.ifPresent(v -> {
            checkToken(component, v, maxLength);
            if (!isVschars(v)) {
                throw new IllegalArgumentException(component + " must be VSCHAR (RFC 6749 Appendix A)");
            }
        });
    }

    static void checkDetails(Optional<AuthorizationDetails> details) {
        if (details.isPresent() && details.get().isEmpty()) {
            throw new IllegalArgumentException("empty authorization_details are absent: use Optional.empty()");
        }
    }

    static void checkScope(Optional<dev.lanyard.spec.core.Scope> scope) {
        if (scope.isPresent() && scope.get().isEmpty()) {
            throw new IllegalArgumentException("an empty scope is absent: use Optional.empty()");
        }
    }
}
