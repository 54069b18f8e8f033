package dev.lanyard.spec.core;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.util.Map;
import java.util.NoSuchElementException;

import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.ref.Specs;

/**
 * Reads JSON text strictly (INP-04 of the project's checklist): one top-level object, no trailing data, duplicate
 * member names refused, nesting and size bounded.
 */
public final class StrictJson {

    /** The largest JSON text accepted by {@link #parseObject(String)}, in characters. */
    public static final int MAX_LENGTH = 256 * 1024;
    /** The deepest nesting accepted. */
    public static final int MAX_DEPTH = 32;

    private StrictJson() {
    }

    private static final class Factory {
        static final Map<String, Object> CONFIG = Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
                "org.eclipse.parsson.maxDepth", MAX_DEPTH + 1);
        static final JsonParserFactory INSTANCE = Json.createParserFactory(CONFIG);
        // JsonParser#getObject ignores KeyStrategy.NONE (Parsson 1.1); a JsonReader honours it
        static final JsonReaderFactory READERS = Json.createReaderFactory(CONFIG);
    }

    /**
     * Parses a JSON object.
     *
     * @return the object, or a violation saying why the text is not one
     */
    public static Parsed<JsonObject> parseObject(String text) {
        if (text.length() > MAX_LENGTH) {
            return Parsed.invalid(new Violation("", "JSON text larger than " + MAX_LENGTH + " characters",
                    Specs.RFC8259_JSON));
        }
        if (depth(text) > MAX_DEPTH) {
            // checked before parsing: Parsson reports excessive nesting with a bare RuntimeException
            return Parsed.invalid(new Violation("", "JSON nested deeper than " + MAX_DEPTH, Specs.RFC8259_JSON));
        }
        try (JsonParser parser = Factory.INSTANCE.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Parsed.invalid(new Violation("", "the JSON text is not an object", Specs.RFC8259_JSON));
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                return Parsed.invalid(new Violation("", "data after the JSON object", Specs.RFC8259_JSON));
            }
            try (JsonReader reader = Factory.READERS.createReader(new StringReader(text))) {
                reader.readValue(); // throws JsonParsingException on a duplicate member name
            }
            return Parsed.ok(object);
        } catch (JsonException | IllegalStateException | NoSuchElementException | NumberFormatException e) {
            // JsonParsingException (a JsonException) includes duplicate member names under KeyStrategy.NONE
            return Parsed.invalid(new Violation("", "malformed JSON: " + firstLine(e.getMessage()), Specs.RFC8259_JSON));
        } catch (RuntimeException e) {
            if (e.getClass() != RuntimeException.class) {
                throw e;
            }
            // Parsson's maxDepth backstop ("Input is too deeply nested"), should the scan above ever miss a level
            return Parsed.invalid(new Violation("", "JSON nested deeper than " + MAX_DEPTH, Specs.RFC8259_JSON));
        }
    }

    /** The deepest nesting of objects and arrays in {@code text}, brackets inside strings not counted. */
    private static int depth(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
