package dev.lanyard.grants.internal.grant;

import java.util.List;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.spec.core.ResourceIndicator;

/**
 * Which resources a token is for (RFC 8707 §2.2): the resources requested at the token endpoint, each of which must
 * have been granted; or, when none is requested, every granted resource; or the default resource.
 */
public final class Audiences {

    private Audiences() {
    }

    /**
     * The audience of a token from a grant that already decided its resources (code, refresh token).
     *
     * @throws dev.lanyard.spec.error.OAuthException {@code invalid_target} when a requested resource was not granted,
     *                                               or nothing names an audience
     */
    public static List<ResourceIndicator> narrow(List<ResourceIndicator> requested, List<ResourceIndicator> granted,
            GrantSettings settings) {
        List<ResourceIndicator> effective = granted.isEmpty() ? settings.defaultResource().stream().toList()
                : granted;
        if (requested.isEmpty()) {
            if (effective.isEmpty()) {
                throw GrantErrors.invalidTarget("No resource named and no default resource");
            }
            return effective;
        }
        if (!effective.containsAll(requested)) {
            // RFC 8707 §2.2: a resource not covered by the grant is invalid_target
            throw GrantErrors.invalidTarget("The resource was not granted");
        }
        return List.copyOf(requested);
    }

    /**
     * The audience of a token from a grant that decides its resources now (client credentials).
     *
     * @throws dev.lanyard.spec.error.OAuthException {@code invalid_target} when a resource is not one this server
     *                                               issues tokens for, or nothing names an audience
     */
    public static List<ResourceIndicator> choose(List<ResourceIndicator> requested, GrantSettings settings) {
        if (requested.isEmpty()) {
            return settings.defaultResource().map(List::of).orElseThrow(
                    () -> GrantErrors.invalidTarget("No resource named and no default resource"));
        }
        for (ResourceIndicator r : requested) {
            if (!settings.allowsResource(r)) {
                throw GrantErrors.invalidTarget("The resource is not served by this authorization server");
            }
        }
        return List.copyOf(requested);
    }
}
