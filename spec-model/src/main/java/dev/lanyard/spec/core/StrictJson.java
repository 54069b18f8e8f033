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
        static final Map<String, ?> CONFIG = Map.of(
                JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
                "org.eclipse.parsson.maxDepth", MAX_DEPTH);
        static final JsonParserFactory INSTANCE = Json.createParserFactory(CONFIG);
        static final JsonReaderFactory READER = Json.createReaderFactory(CONFIG);
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
        try (JsonParser parser = Factory.INSTANCE.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Parsed.invalid(new Violation("", "the JSON text is not an object", Specs.RFC8259_JSON));
            }
            JsonObject object;
            // Parsson's JsonParser.getObject() ignores KeyStrategy.NONE (duplicates kept, last wins); its JsonReader
            // honours it, so the object is read by a reader and the parser only checks what follows it
            try (JsonReader reader = Factory.READER.createReader(new StringReader(text))) {
                object = reader.readObject();
            }
            parser.skipObject();
            if (depth(object, 1) > MAX_DEPTH) {
                return Parsed.invalid(new Violation("", "JSON nested deeper than " + MAX_DEPTH, Specs.RFC8259_JSON));
            }
            if (parser.hasNext()) {
                return Parsed.invalid(new Violation("", "data after the JSON object", Specs.RFC8259_JSON));
            }
            return Parsed.ok(object);
        } catch (JsonException | IllegalStateException | NoSuchElementException | NumberFormatException e) {
            // JsonParsingException (a JsonException) includes duplicate member names under KeyStrategy.NONE
            return Parsed.invalid(new Violation("", "malformed JSON: " + firstLine(e.getMessage()), Specs.RFC8259_JSON));
        }
    }

    private static int depth(jakarta.json.JsonValue v, int d) {
        if (d > MAX_DEPTH) {
            return d;
        }
        return switch (v.getValueType()) {
            case OBJECT -> v.asJsonObject().values().stream().mapToInt(c -> depth(c, d + 1)).max().orElse(d);
            case ARRAY -> v.asJsonArray().stream().mapToInt(c -> depth(c, d + 1)).max().orElse(d);
            default -> d - 1;
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
