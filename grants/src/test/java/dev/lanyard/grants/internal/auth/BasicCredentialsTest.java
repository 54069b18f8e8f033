package dev.lanyard.grants.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.testing.Forms;

class BasicCredentialsTest {

    private static String basicRaw(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parseWhenFormEncodedPartsThenDecoded() {
        // RFC 6749 §2.3.1: urlencode each part, then Basic
        BasicCredentials c = BasicCredentials.parse(Forms.basic("a b:c", "p+w&d=%")).orElseThrow();
        assertThat(c.clientId()).isEqualTo("a b:c");
        assertThat(c.secret()).isEqualTo("p+w&d=%");
        assertThat(c.toString()).doesNotContain("p+w");
    }

    @Test
    void parseWhenSchemeCaseDiffersThenAccepted() {
        assertThat(BasicCredentials.parse("bAsIc " + Base64.getEncoder().encodeToString(
                "id:secret".getBytes(StandardCharsets.UTF_8)))).isPresent();
    }

    @Test
    void parseWhenMalformedThenEmpty() {
        assertThat(BasicCredentials.parse("Basic !!!")).isEmpty();
        assertThat(BasicCredentials.parse(basicRaw("no-colon"))).isEmpty();
        assertThat(BasicCredentials.parse(basicRaw(":secret"))).isEmpty();
        assertThat(BasicCredentials.parse(basicRaw("id:"))).isEmpty();
        assertThat(BasicCredentials.parse(basicRaw("id:%zz"))).isEmpty();
        assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.parse("Basic " + "A".repeat(5000))).isEmpty();
        // RFC 6749 Appendix A: client-id and client-secret are VSCHAR (INP-05: no NUL, no control character)
        assertThat(BasicCredentials.parse(basicRaw("id%00:secret"))).isEmpty();
        assertThat(BasicCredentials.parse(basicRaw("id:sec%0Aret"))).isEmpty();
        assertThat(BasicCredentials.parse(basicRaw("id\u0001:secret"))).isEmpty();
        byte[] notUtf8 = {'i', 'd', ':', (byte) 0xC3};
        assertThat(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(notUtf8))).isEmpty();
    }
}
