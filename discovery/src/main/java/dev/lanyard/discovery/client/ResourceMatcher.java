package dev.lanyard.discovery.client;

import java.net.URI;
import java.net.URISyntaxException;

/** RFC 9728 §3.3: compares a published {@code resource} with the URL requested, per {@link ResourceMatch}. */
final class ResourceMatcher {

    private ResourceMatcher() {
    }

    static boolean matches(String resource, URI requested, ResourceMatch mode) {
        // RFC 9728 §3.3: "resource" MUST be identical to the URL the client requested; §6: no normalisation
        if (resource.equals(requested.toString())) {
            return true;
        }
        if (mode == ResourceMatch.EXACT) {
            return false;
        }
        URI published;
        try {
            published = new URI(resource);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!published.isAbsolute() || published.getRawAuthority() == null || published.getRawQuery() != null
                || published.getRawFragment() != null || requested.getRawAuthority() == null) {
            return false;
        }
        if (!published.getScheme().equals(requested.getScheme())
                || !published.getRawAuthority().equals(requested.getRawAuthority())) {
            return false;
        }
        String parent = published.getRawPath() == null ? "" : published.getRawPath();
        String path = requested.getRawPath() == null ? "" : requested.getRawPath();
        if (parent.isEmpty() || parent.equals("/")) {
            return true;
        }
        return path.equals(parent) || path.startsWith(parent.endsWith("/") ? parent : parent + "/");
    }
}
