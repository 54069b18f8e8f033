package dev.lanyard.grants.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

/** Assertions on the protocol errors of the services. */
public final class OAuthAssertions {

    private OAuthAssertions() {
    }

    /** {@code call} throws an {@link OAuthException} with the code and HTTP status of {@code expected}. */
    public static OAuthException assertError(ThrowingCallable call, OAuthError expected) {
        OAuthException[] caught = new OAuthException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.error().code()).isEqualTo(expected.code());
            org.assertj.core.api.Assertions.assertThat(e.error().httpStatus()).isEqualTo(expected.httpStatus());
            e.error().description().ifPresent(d ->
                    org.assertj.core.api.Assertions.assertThat(OAuthError.isErrorText(d)).isTrue());
            caught[0] = e;
        });
        return caught[0];
    }
}
