package dev.lanyard.spec.error;

import java.io.Serial;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.ref.SpecRef;

/**
 * The one protocol exception: the request broke a rule, and {@link #error()} is what goes on the wire.
 *
 * <p>{@link #rule()} names the section that was broken; {@link #detail()} is internal diagnostics for the log and is
 * never serialized. Request parsers throw it on the first violation, because only one error can be returned.
 */
public final class OAuthException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient OAuthError error;
    private final transient SpecRef rule;
    private final String detail;

    /**
     * @param error  the error to return
     * @param rule   the rule that was broken, or {@code null}
     * @param detail internal diagnostics, or {@code null}; never sent to a client
     */
    public OAuthException(OAuthError error, SpecRef rule, String detail) {
        super(message(error, rule), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.rule = rule;
        this.detail = detail;
    }

    /** An exception for {@code base} with a public description naming the broken rule. */
    public static OAuthException of(OAuthError base, String description, SpecRef rule) {
        return new OAuthException(base.withDescription(description), rule, null);
    }

    /** {@code invalid_request} with a description and the rule broken. */
    public static OAuthException invalidRequest(String description, SpecRef rule) {
        return of(OAuthError.INVALID_REQUEST, description, rule);
    }

    private static String message(OAuthError error, SpecRef rule) {
        return error.code() + error.description().map(d -> ": " + d).orElse("")
                + (rule == null ? "" : " (" + rule + ")");
    }

    /** The error to return to the client. */
    public OAuthError error() {
        return error;
    }

    /** The section of the spec that was broken. */
    public Optional<SpecRef> rule() {
        return Optional.ofNullable(rule);
    }

    /** Internal diagnostics for the log; never sent to a client. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
