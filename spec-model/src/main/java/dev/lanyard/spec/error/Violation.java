package dev.lanyard.spec.error;

import java.util.Objects;

import dev.lanyard.spec.ref.SpecRef;

/**
 * One rule a document breaks.
 *
 * @param pointer where, as a JSON Pointer ({@code /redirect_uris/2}); empty for the whole document
 * @param message what is wrong, in words a user can act on
 * @param rule    the section the rule comes from
 */
public record Violation(String pointer, String message, SpecRef rule) {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(rule, "rule");
    }

    /** {@code /redirect_uris/2: must be absolute (RFC 7591 §2)}. */
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "document" : pointer) + ": " + message + " (" + rule + ")";
    }
}
