package dev.lanyard.as.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lanyard.as.AuthorizationServerSettings;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.spec.authz.AuthorizationRequest;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/**
 * What an authorization request may be granted: the resources (RFC 8707; the configured default audience when none is
 * named) and the scope, within both the client's scope and what the resources offer.
 */
final class Targets {

    private final AuthorizationServerSettings settings;

    Targets(AuthorizationServerSettings settings) {
        this.settings = settings;
    }

    /**
     * The resources of the request, or the default one.
     *
     * @throws OAuthException {@code invalid_target}
     */
    List<ResourceIndicator> resources(AuthorizationRequest request) {
        List<ResourceIndicator> resources = request.resources().isEmpty()
                ? settings.grants().defaultResource().map(List::of).orElseThrow(() -> OAuthException.of(
                        OAuthError.INVALID_TARGET, "Missing parameter resource", Specs.RFC8707_RESOURCE))
                : request.resources();
        for (ResourceIndicator r : resources) {
            if (!settings.grants().allowsResource(r)) {
                // RFC 8707 §2: a resource the server does not serve is invalid_target
                throw OAuthException.of(OAuthError.INVALID_TARGET, "The resource is not served by this server",
                        Specs.RFC8707_RESOURCE);
            }
        }
        return resources;
    }

    /**
     * The scope granted: the one asked, or, when none is (AZ-08), the documented default: the client's scope that
     * the resources offer.
     *
     * @throws OAuthException {@code invalid_scope}
     */
    Scope scope(Optional<Scope> requested, RegisteredClient client, List<ResourceIndicator> resources) {
        Optional<Scope> offered = Optional.of(Scope.of());
        for (ResourceIndicator r : resources) {
            Scope own = settings.scopesOf(r);
            offered = own.isEmpty() ? Optional.empty()
                    : offered.map(o -> Scope.of(concat(o.tokens(), own.tokens())));
        }
        if (requested.isEmpty()) {
            return offered.map(client.scope()::intersect).orElse(client.scope());
        }
        if (!client.scope().containsAll(requested.get())) {
            // OAuth 2.1 §4.1.2.1: invalid_scope; A-015
            throw OAuthException.of(OAuthError.INVALID_SCOPE, "The requested scope exceeds the client's scope",
                    Specs.OAUTH21_AUTHORIZATION_ERROR);
        }
        // OpenID Connect: with the IdP role, openid concerns this server, not the resource
        Scope forResource = settings.crossAppAccess().idp()
                ? Scope.of(requested.get().tokens().stream().filter(t -> !t.equals("openid")).toList())
                : requested.get();
        if (offered.isPresent() && !offered.get().containsAll(forResource)) {
            throw OAuthException.of(OAuthError.INVALID_SCOPE, "The requested scope is not offered by the resource",
                    Specs.OAUTH21_AUTHORIZATION_ERROR);
        }
        return requested.get();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
