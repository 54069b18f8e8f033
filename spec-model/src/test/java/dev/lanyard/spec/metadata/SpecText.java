package dev.lanyard.spec.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;

/** Helpers for tests that paste spec examples and check violations. */
final class SpecText {

    private SpecText() {
    }

    /**
     * Removes the line breaks (and the indentation after them) that an RFC puts inside JSON string values "for
     * display purposes only" (RFC 7591 §3.1, §3.1.1); everything else is left as printed.
     */
    static String joinDisplayLineBreaks(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString && c == '\\' && i + 1 < text.length()) {
                b.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            if (inString && c == '\n') {
                while (i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                    i++;
                }
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** The JSON object of an example, read strictly. */
    static JsonObject json(String text) {
        return StrictJson.parseObject(text).orElseThrow();
    }

    /** The violation at {@code pointer}; fails the test if the parse succeeded or has none there. */
    static Violation violationAt(Parsed<?> parsed, String pointer) {
        assertThat(parsed.isValid()).as("parse should fail at %s", pointer).isFalse();
        return parsed.violations().items().stream().filter(v -> v.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no violation at " + pointer + " in " + parsed.violations()));
    }
}
