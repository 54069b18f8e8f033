package dev.lanyard.discovery.internal.net;

import java.net.URI;
import java.net.URISyntaxException;

import dev.lanyard.discovery.fetch.FetchException;
import dev.lanyard.discovery.fetch.FetchException.Reason;

/** Redirect rules of the fetcher: which statuses redirect, where to, and whether the origin stays the same. */
public final class Redirects {

    private Redirects() {
    }

    /** Whether a status is a redirect with a {@code Location} to follow (RFC 9110 §15.4). */
    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The absolute target of a {@code Location} header, without fragment. */
    public static URI target(URI current, String location) {
        try {
            return withoutFragment(current.resolve(new URI(location.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(current, Reason.REDIRECT_REFUSED, "unparseable Location header", e);
        }
    }

    /** Same scheme, host and effective port (RFC 6454 §4), and no userinfo on the target. */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && b.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b) && b.getRawUserInfo() == null;
    }

    /** The URI without its fragment (never sent on the wire). */
    public static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
