package dev.lanyard.spec.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.ref.Specs;

class StrictJsonTest {

    @Test
    void parseObjectWhenDuplicateMemberThenInvalid() {
        // INP-04, A-068 (d): two parsers could read a duplicated member differently, so it is refused
        for (String text : List.of("{\"a\":1,\"a\":2}", "{\"o\":{\"b\":true,\"b\":false}}",
                "{\"redirect_uris\":[\"https://a/cb\"],\"redirect_uris\":[\"https://evil.test/cb\"]}")) {
            Parsed<?> p = StrictJson.parseObject(text);
            assertThat(p.isValid()).as(text).isFalse();
            assertThat(p.violations().items()).extracting(Violation::rule).containsOnly(Specs.RFC8259_JSON);
        }
    }

    @Test
    void parseObjectWhenSameNameInDifferentObjectsThenValid() {
        assertThat(StrictJson.parseObject("{\"a\":{\"x\":1},\"b\":{\"x\":2}}").isValid()).isTrue();
    }

    @Test
    void parseObjectWhenNestedBeyondMaxDepthThenInvalidWithoutThrowing() {
        String atLimit = "{\"a\":".repeat(StrictJson.MAX_DEPTH - 1) + "{}" + "}".repeat(StrictJson.MAX_DEPTH - 1);
        String beyond = "{\"a\":".repeat(StrictJson.MAX_DEPTH) + "{}" + "}".repeat(StrictJson.MAX_DEPTH);
        String arrays = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertThat(StrictJson.parseObject(atLimit).isValid()).isTrue();
        assertThat(StrictJson.parseObject(beyond).violations().items()).extracting(Violation::message)
                .containsExactly("JSON nested deeper than " + StrictJson.MAX_DEPTH);
        assertThat(StrictJson.parseObject(arrays).isValid()).isFalse();
        assertThat(StrictJson.parseObject("{\"a\":\"" + "[".repeat(1000) + "\"}").isValid()).isTrue();
    }

    @Test
    void parseObjectWhenNotASingleObjectThenInvalid() {
        for (String text : List.of("", "[]", "null", "1", "\"s\"", "{", "{} {}", "{}x", "{\"a\":}")) {
            assertThat(StrictJson.parseObject(text).isValid()).as(text).isFalse();
        }
    }
}
