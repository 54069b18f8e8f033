package dev.lanyard.grants.grant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.internal.grant.GrantErrors;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.TokenRequest;

/**
 * Dispatches token requests to the handler of their grant type.
 *
 * <ul>
 *   <li>no handler for the grant type: {@code unsupported_grant_type} (OAuth 2.1 §3.2.4);</li>
 *   <li>the client is not registered for the grant type: {@code unauthorized_client} (OAuth 2.1 §3.2.4).</li>
 * </ul>
 */
public final class GrantRegistry {

    private final Map<GrantType, GrantHandler<?>> handlers = new LinkedHashMap<>();

    /**
     * @param handlers one per grant type
     * @throws IllegalArgumentException when two handle the same grant type
     */
    public GrantRegistry(List<GrantHandler<?>> handlers) {
        for (GrantHandler<?> h : handlers) {
            if (this.handlers.putIfAbsent(h.grantType(), h) != null) {
                throw new IllegalArgumentException("two handlers for " + h.grantType());
            }
        }
    }

    /** The grant types with a handler, for {@code grant_types_supported}. */
    public List<GrantType> grantTypes() {
        return List.copyOf(handlers.keySet());
    }

    /**
     * Grants tokens for {@code request} from {@code client}.
     *
     * @throws OAuthException with the token error to return
     */
    public AccessTokenResponse handle(TokenRequest request, AuthenticatedClient client) {
        return handle(request, client, TokenRequestContext.NONE);
    }

    /**
     * Grants tokens for {@code request} from {@code client}, with the rest of what the request carried.
     *
     * @throws OAuthException with the token error to return
     */
    public AccessTokenResponse handle(TokenRequest request, AuthenticatedClient client, TokenRequestContext context) {
        GrantHandler<?> handler = handlers.get(request.grantType());
        if (handler == null) {
            throw OAuthException.of(OAuthError.UNSUPPORTED_GRANT_TYPE, "Unsupported grant_type",
                    Specs.RFC6749_ERROR_RESPONSE);
        }
        if (!client.client().allows(request.grantType())) {
            // OAuth 2.1 §3.2.4: the client is not authorized to use this authorization grant type
            throw GrantErrors.unauthorizedClient("The client may not use this grant_type", GrantErrors.TOKEN_ERROR);
        }
        return dispatch(handler, request, client, context);
    }

    private static <R extends TokenRequest> AccessTokenResponse dispatch(GrantHandler<R> handler,
            TokenRequest request, AuthenticatedClient client, TokenRequestContext context) {
        if (!handler.requestType().isInstance(request)) {
            throw new IllegalStateException("handler of " + handler.grantType() + " takes " + handler.requestType());
        }
        return handler.handle(handler.requestType().cast(request), client, context);
    }
}
