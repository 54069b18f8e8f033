package dev.lanyard.spec.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

/** Reads the examples of {@link TokenExamples}, and asserts protocol errors. */
final class SpecExamples {

    private SpecExamples() {
    }

    /**
     * The body of an HTTP message quoted from a spec: what follows the first empty line, with the line breaks and the
     * indentation after them removed (the documents add them "for display purposes only").
     */
    static String body(String httpMessage) {
        String m = httpMessage.strip();
        int blank = m.indexOf("\n\n");
        return unfold(blank < 0 ? m : m.substring(blank + 2));
    }

    /** Removes every line break with the indentation that follows it. */
    static String unfold(String s) {
        return s.strip().replaceAll("\\n[ \\t]*", "");
    }

    /** The form body of a request example. */
    static FormParameters form(String httpMessage) {
        return FormParameters.parse(body(httpMessage));
    }

    /** The JSON body of a response example. */
    static JsonObject json(String httpMessage) {
        return StrictJson.parseObject(body(httpMessage)).orElseThrow();
    }

    /** Asserts an {@link OAuthException} with {@code error}, a description naming {@code parameter}, and a rule. */
    static void assertRejected(ThrowingCallable call, OAuthError error, String parameter) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error().code()).isEqualTo(error.code());
            assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains(parameter));
            assertThat(e.rule()).isPresent();
        });
    }

    /** Asserts {@code invalid_request} naming {@code parameter}. */
    static void assertInvalidRequest(ThrowingCallable call, String parameter) {
        assertRejected(call, OAuthError.INVALID_REQUEST, parameter);
    }
}
