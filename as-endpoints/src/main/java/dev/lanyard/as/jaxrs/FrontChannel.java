package dev.lanyard.as.jaxrs;

import jakarta.ws.rs.container.ResourceInfo;

/** Which resources answer a browser (pages and redirects) rather than a client (JSON). */
final class FrontChannel {

    private FrontChannel() {
    }

    static boolean is(ResourceInfo resource) {
        Class<?> c = resource == null ? null : resource.getResourceClass();
        // isAssignableFrom: the class may be a CDI proxy's subclass
        return c != null && (AuthorizationEndpoint.class.isAssignableFrom(c)
                || ConsentEndpoint.class.isAssignableFrom(c));
    }

    static boolean isLanyard(ResourceInfo resource) {
        Class<?> c = resource == null ? null : resource.getResourceClass();
        return c != null && (c.getName().startsWith("dev.lanyard.as.")
                || c.getSuperclass() != null && c.getSuperclass().getName().startsWith("dev.lanyard.as."));
    }
}
