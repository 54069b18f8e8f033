package dev.lanyard.spec.error;

import java.io.Serial;

/** A document broke rules; {@link #violations()} lists them all. */
public final class InvalidDocumentException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Violations violations;

    /** @param violations every rule the document breaks */
    public InvalidDocumentException(Violations violations) {
        super(violations.toString());
        this.violations = violations;
    }

    /** Every rule the document breaks. */
    public Violations violations() {
        return violations;
    }
}
