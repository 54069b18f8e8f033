package dev.lanyard.grants.store;

import java.io.Serial;

/**
 * A bounded store is full of live entries and refuses a new one rather than forgetting one that still matters (a
 * replay guard that forgot a {@code jti} would let it be replayed). The endpoint answers
 * {@code temporarily_unavailable}.
 */
public final class StoreCapacityException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param store the store that is full */
    public StoreCapacityException(String store) {
        super(store + " is full");
    }
}
