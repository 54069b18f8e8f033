package dev.lanyard.grants.internal.jpa;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * How values are laid out in columns: instants as epoch milliseconds (portable, no converter), lists of resource
 * indicators space-separated (a URI has no space).
 */
final class Columns {

    private Columns() {
    }

    static long millis(Instant i) {
        return i.toEpochMilli();
    }

    static Long millis(Optional<Instant> i) {
        return i.map(Instant::toEpochMilli).orElse(null);
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    static Optional<Instant> instant(Long millis) {
        return Optional.ofNullable(millis).map(Instant::ofEpochMilli);
    }

    static String resources(List<ResourceIndicator> resources) {
        return String.join(" ", resources.stream().map(ResourceIndicator::value).toList());
    }

    static List<ResourceIndicator> resources(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split(" ")).map(ResourceIndicator::new).toList();
    }

    static String scope(Scope scope) {
        return scope.toString();
    }

    static Scope scope(String column) {
        return column == null ? Scope.of() : Scope.of(Arrays.stream(column.split(" ")).filter(s -> !s.isEmpty())
                .toList());
    }
}
