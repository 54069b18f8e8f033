package dev.lanyard.as.internal;

import java.io.Serial;

/**
 * A request to the registration or client configuration endpoint without a valid Bearer token (an initial access
 * token, RFC 7591 §3; a registration access token, RFC 7592 §2): answered 401 with {@code WWW-Authenticate: Bearer},
 * with {@code error="invalid_token"} when a token was sent (RFC 6750 §3, §3.1).
 */
public final class RegistrationTokenRefused extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean tokenSent;

    /** @param tokenSent whether the request carried a Bearer token at all */
    public RegistrationTokenRefused(boolean tokenSent) {
        super(tokenSent ? "invalid bearer token" : "no bearer token", null, false, false);
        this.tokenSent = tokenSent;
    }

    /** Whether the request carried a Bearer token. */
    public boolean tokenSent() {
        return tokenSent;
    }

    /** The {@code WWW-Authenticate} value: no error code when no token was sent (RFC 6750 §3.1). */
    public String challenge() {
        return tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
}
