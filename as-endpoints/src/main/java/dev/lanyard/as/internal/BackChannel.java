package dev.lanyard.as.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * The translation shared by the token, revocation and introspection endpoints: what a request carries that may
 * authenticate a client, and the JSON answer with {@code Cache-Control: no-store}.
 */
public final class BackChannel {

    private BackChannel() {
    }

    /**
     * The client authentication input of a form POST: the {@code Authorization} header, the form body, whether the
     * query carried credentials (refused by the authenticator: A-027), and the remote address for the throttle.
     * Nothing else of the query is read.
     *
     * @throws OAuthException {@code invalid_request} for a malformed body, another content type, or a repeated
     *                        {@code Authorization} header
     */
    public static ClientAuthenticationInput input(HttpHeaders headers, String rawQuery, InputStream body,
            String remoteAddress) {
        List<String> authorization = headers.getRequestHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.size() > 1) {
            throw OAuthException.invalidRequest("More than one Authorization header", Specs.OAUTH21_TOKEN_REQUEST);
        }
        Optional<String> header = authorization == null || authorization.isEmpty() ? Optional.empty()
                : Optional.of(authorization.get(0));
        return new ClientAuthenticationInput(header, FormBody.read(headers.getMediaType(), body),
                FormBody.credentialsIn(rawQuery), remoteAddress == null ? "" : remoteAddress);
    }

    /** A 200 JSON answer that no cache keeps (OAuth 2.1 §3.2.3). */
    public static Response json(JsonObject body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
