package dev.lanyard.spec.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.testing.Mutations;

class StrictJsonTest {

    @Test
    void parseObjectWhenWellFormedThenObject() {
        assertThat(StrictJson.parseObject("{\"a\":[1,2,{\"b\":null}],\"c\":\"d\"}").orElseThrow())
                .containsKeys("a", "c");
    }

    @Test
    void parseObjectWhenDuplicateMemberThenInvalid() {
        // INP-04 (A-068 d): duplicate member names invite differential parsing; they are refused
        assertThat(StrictJson.parseObject("{\"redirect_uris\":[\"https://a/cb\"],\"redirect_uris\":[\"https://evil.test/cb\"]}")
                .isValid()).isFalse();
    }

    @Test
    void parseObjectWhenNotAnObjectThenInvalid() {
        // INP-04: JSON null, arrays and scalars are not objects (A-068 b, c)
        for (String bad : List.of("null", "[]", "[{}]", "\"x\"", "1", "true", "", " ")) {
            assertThat(StrictJson.parseObject(bad).isValid()).as(bad).isFalse();
        }
    }

    @Test
    void parseObjectWhenTrailingDataOrCommentsThenInvalid() {
        for (String bad : List.of("{} {}", "{}x", "{\"a\":1,}", "{/*c*/}", "{\"a\":NaN}", "{'a':1}")) {
            assertThat(StrictJson.parseObject(bad).isValid()).as(bad).isFalse();
        }
    }

    @Test
    void parseObjectWhenNestedDeeperThanCapThenInvalid() {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        assertThat(StrictJson.parseObject(deep).isValid()).isFalse();
        String ok = "{\"a\":".repeat(10) + "1" + "}".repeat(10);
        assertThat(StrictJson.parseObject(ok).isValid()).isTrue();
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
        assertThat(StrictJson.parseObject(beyond).violations().items()).extracting(v -> v.message())
                .containsExactly("JSON nested deeper than " + StrictJson.MAX_DEPTH);
        assertThat(StrictJson.parseObject(arrays).isValid()).isFalse();
        assertThat(StrictJson.parseObject("{\"a\":\"" + "[".repeat(1000) + "\"}").isValid()).isTrue();
    }

    @Test
    void parseObjectWhenLargerThanCapThenInvalidWithoutParsing() {
        String huge = "{\"a\":\"" + "x".repeat(StrictJson.MAX_LENGTH) + "\"}";
        assertThat(StrictJson.parseObject(huge).violations().toString()).contains("larger than");
    }

    @Test
    void parseObjectWhenTenThousandMutatedInputsThenNeverThrows() {
        int accepted = Mutations.assertOnlyDocumentedFailures(Mutations.of(3, 10_000,
                List.of("{\"issuer\":\"https://as.example.com\",\"n\":[1,2.5,-3e2,true,null],\"o\":{\"k\":\"\\u00e9\\n\"}}")),
                StrictJson::parseObject);
        assertThat(accepted).isEqualTo(10_000);
    }
}
