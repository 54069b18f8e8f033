package dev.lanyard.as.internal;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.grants.auth.ThrottledException;
import dev.lanyard.spec.error.OAuthError;

/**
 * The one place error bodies are rendered: JSON for the back channel (RFC 6749 §5.2, with
 * {@code Cache-Control: no-store}), an HTML page for front-channel errors that must not be redirected. Bodies carry
 * the error's code and public description only: never a stack trace, never internal detail.
 */
public final class ErrorResponses {

    private final HtmlPages pages;
    private final String basicChallenge;

    /**
     * @param pages          the page renderer
     * @param basicChallenge the {@code WWW-Authenticate} value for {@code invalid_client} after a Basic header
     */
    public ErrorResponses(HtmlPages pages, String basicChallenge) {
        this.pages = pages;
        this.basicChallenge = basicChallenge;
    }

    /**
     * The JSON error response. {@code invalid_client} is 401, with {@code WWW-Authenticate: Basic realm=...} when the
     * client authenticated with the {@code Authorization} header (RFC 6749 §5.2).
     */
    public Response json(OAuthError error, boolean usedAuthorizationHeader) {
        Response.ResponseBuilder b = Response.status(error.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error.toJson().toString())
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
        if (error.is(OAuthError.INVALID_CLIENT) && usedAuthorizationHeader) {
            b.status(401).header("WWW-Authenticate", basicChallenge);
        }
        return b.build();
    }

    /** 429 with {@code Retry-After} after repeated failed client authentications. */
    public Response throttled(ThrottledException e) {
        return Response.fromResponse(json(e.error(), false))
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))).build();
    }

    /**
     * The page of a front-channel error that must not be redirected (OAuth 2.1 §4.1.2.1): 400, or the error's own
     * status when it is a server-side one; never a {@code Location}.
     */
    public Response page(OAuthError error) {
        return Pages.page(error.httpStatus() >= 500 ? error.httpStatus() : 400, pages.error(error));
    }
}
