package dev.lanyard.spec.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

/** Assertions on protocol errors, and extraction of the HTTP examples pasted from the specs. */
final class OAuthAssert {

    private OAuthAssert() {
    }

    /**
     * Asserts that {@code call} throws {@link OAuthException} with {@code expected}'s code, a description naming
     * {@code parameter}, and a cited rule.
     */
    static void assertOAuthError(ThrowingCallable call, OAuthError expected, String parameter) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error().code()).isEqualTo(expected.code());
            assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains(parameter));
            assertThat(e.rule()).isPresent();
        });
    }

    /** As {@link #assertOAuthError}, and the description does not echo {@code rawInput}. */
    static void assertOAuthError(ThrowingCallable call, OAuthError expected, String parameter, String rawInput) {
        assertOAuthError(call, expected, parameter);
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error().description().orElseThrow()).doesNotContain(rawInput));
    }

    /** The query of the request line of an HTTP example whose line breaks are "for display purposes only". */
    static String requestQuery(String httpMessage) {
        String requestLine = httpMessage.substring(0, httpMessage.indexOf("Host:")).replaceAll("\\R\\s*", "").trim();
        return requestLine.substring(requestLine.indexOf('?') + 1, requestLine.lastIndexOf(" HTTP/1.1"));
    }

    /** The {@code Location} of an HTTP example, its display line breaks removed. */
    static String location(String httpMessage) {
        return httpMessage.substring(httpMessage.indexOf("Location:") + "Location:".length())
                .replaceAll("\\R\\s*", "").trim();
    }
}
