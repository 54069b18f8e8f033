package dev.lanyard.rs.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.spec.metadata.ProtectedResourceMetadata;

/** The RFC 9728 §2 document of the configured resource. */
final class ProtectedResourceDocument {

    private ProtectedResourceDocument() {
    }

    static ProtectedResourceMetadata of(ResourceServerSettings s) {
        // RFC 9728 §2 / OAuth 2.1 §5.1: tokens are accepted in the Authorization header only
        return new ProtectedResourceMetadata(s.resource(), s.authorizationServers(), Optional.empty(),
                s.scopesSupported(), Optional.of(List.of("header")), List.copyOf(s.algorithms()), s.resourceName(),
                s.resourceDocumentation(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Map.of());
    }
}
