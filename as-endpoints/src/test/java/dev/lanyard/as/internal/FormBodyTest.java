package dev.lanyard.as.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.error.OAuthException;

class FormBodyTest {

    static final MediaType FORM = new MediaType("application", "x-www-form-urlencoded");

    static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static void assertInvalidRequest(Runnable r, int status) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error().code()).isEqualTo("invalid_request");
            assertThat(e.error().httpStatus()).isEqualTo(status);
        });
    }

    @Test
    void readWhenFormThenParameters() {
        FormParameters p = FormBody.read(FORM, body("grant_type=client_credentials&scope=a+b"));
        assertThat(p.get("scope")).contains("a b");
        FormParameters utf8 = FormBody.read(new MediaType("application", "x-www-form-urlencoded",
                Map.of("charset", "utf-8")), body("x=%C3%A9"));
        assertThat(utf8.get("x")).contains("é");
    }

    @Test
    void readWhenOtherContentTypeThenInvalidRequest() {
        // OAuth 2.1 §3.2.2: application/x-www-form-urlencoded
        assertInvalidRequest(() -> FormBody.read(MediaType.APPLICATION_JSON_TYPE, body("{}")), 400);
        assertInvalidRequest(() -> FormBody.read(null, body("a=b")), 400);
        assertInvalidRequest(() -> FormBody.read(MediaType.WILDCARD_TYPE, body("a=b")), 400);
        assertInvalidRequest(() -> FormBody.read(new MediaType("application", "x-www-form-urlencoded",
                Map.of("charset", "ISO-8859-1")), body("a=b")), 400);
    }

    @Test
    void readWhenBodyOverTheCapThen413() {
        // INP-03, A-089: refused before parsing, never truncated
        String big = "a=" + "x".repeat(FormParameters.MAX_ENCODED_LENGTH);
        assertInvalidRequest(() -> FormBody.read(FORM, body(big)), 413);
    }

    @Test
    void readWhenMalformedUtf8ThenInvalidRequest() {
        // INP-02
        byte[] bytes = {'a', '=', (byte) 0xC3, (byte) 0x28};
        assertInvalidRequest(() -> FormBody.read(FORM, new ByteArrayInputStream(bytes)), 400);
        assertInvalidRequest(() -> FormBody.read(FORM, body("a=%C3%28")), 400);
    }

    @Test
    void queryAndBodyWhenTheSameParameterInBothThenRepeated() {
        // one redirect_uri in the query, one in the body
        FormParameters p = FormBody.queryAndBody("redirect_uri=https%3A%2F%2Fa.test%2Fcb", FORM,
                body("redirect_uri=https%3A%2F%2Fevil.test%2Fcb&client_id=x"));
        assertThatThrownBy(() -> p.get("redirect_uri")).isInstanceOf(OAuthException.class)
                .hasMessageContaining("redirect_uri");
        assertThat(FormBody.queryAndBody(null, FORM, body("a=1")).get("a")).contains("1");
        assertThat(FormBody.queryAndBody("a=1", FORM, body("")).get("a")).contains("1");
    }

    @Test
    void credentialsInQueryAreRecognisedEvenEncoded() {
        // credentials in the request URI
        assertThat(FormBody.credentialsIn("client_secret=x&client_id=y")).isTrue();
        assertThat(FormBody.credentialsIn("client%5Fsecret=x")).isTrue();
        assertThat(FormBody.credentialsIn("client_assertion")).isTrue();
        assertThat(FormBody.credentialsIn("grant_type=x&%zz")).isFalse();
        assertThat(FormBody.credentialsIn(null)).isFalse();
        assertThat(FormBody.credentialsIn("")).isFalse();
    }
}
