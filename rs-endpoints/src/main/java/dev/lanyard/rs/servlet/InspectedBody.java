package dev.lanyard.rs.servlet;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.rs.internal.ReplayingRequest;

/**
 * The first bytes of a POST body that {@link BearerTokenServletFilter} read for a {@link ScopeRequirement} whose
 * {@link ScopeRequirement#bodyBytesToRead()} is positive.
 *
 * @param bytes    the bytes read, at most {@link ScopeRequirement#bodyBytesToRead()}
 * @param complete whether {@code bytes} is the whole body; when not, a requirement should fail closed
 */
public record InspectedBody(byte[] bytes, boolean complete) {

    /** Copies {@code bytes}. */
    public InspectedBody {
        bytes = bytes.clone();
    }

    /** The body read from {@code request}, when the filter read it. */
    public static Optional<InspectedBody> of(HttpServletRequest request) {
        return request instanceof ReplayingRequest r ? Optional.of(new InspectedBody(r.prefix(), r.complete()))
                : Optional.empty();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InspectedBody b && b.complete == complete && java.util.Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(bytes) + Boolean.hashCode(complete);
    }

    @Override
    public String toString() {
        return "InspectedBody[" + bytes.length + " bytes, complete=" + complete + "]";
    }
}
