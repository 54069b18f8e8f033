package dev.lanyard.spec.error;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.lanyard.spec.ref.SpecRef;

/**
 * Every rule a document breaks, collected before deciding, so that one message lists them all.
 *
 * @param items the violations, in the order they were found
 */
public record Violations(List<Violation> items) {

    public Violations {
        items = List.copyOf(items);
    }

    /** A new, empty collector. */
    public static Collector collector() {
        return new Collector();
    }

    /** Whether there is no violation. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Whether some violation is at {@code pointer} or below it. */
    public boolean has(String pointer) {
        return items.stream().anyMatch(v -> v.pointer().equals(pointer) || v.pointer().startsWith(pointer + "/"));
    }

    @Override
    public String toString() {
        return items.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /** Collects violations while a document is read. Not thread-safe; one per parse. */
    public static final class Collector {
        private final List<Violation> items = new ArrayList<>();

        private Collector() {
        }

        /** Adds a violation. */
        public Collector add(String pointer, String message, SpecRef rule) {
            items.add(new Violation(pointer, message, rule));
            return this;
        }

        /** Adds every violation of {@code other}, with their pointers below {@code prefix}. */
        public Collector addAll(String prefix, Violations other) {
            for (Violation v : other.items()) {
                items.add(new Violation(prefix + v.pointer(), v.message(), v.rule()));
            }
            return this;
        }

        /** Whether nothing was collected. */
        public boolean isEmpty() {
            return items.isEmpty();
        }

        /** What was collected. */
        public Violations build() {
            return new Violations(items);
        }

        /** What was collected, as a failed parse. */
        public <T> Parsed<T> invalid() {
            return new Parsed.Invalid<>(build());
        }
    }
}
