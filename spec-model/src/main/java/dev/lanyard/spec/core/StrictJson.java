package dev.lanyard.spec.core;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.ref.Specs;

/**
 * Reads JSON text strictly (INP-04 of the project's checklist): one top-level object (or array), no trailing data,
 * duplicate member names refused, nesting and size bounded.
 */
public final class StrictJson {

    /** The largest JSON text accepted by {@link #parseObject(String)}, in characters. */
    public static final int MAX_LENGTH = 256 * 1024;
    /** The deepest nesting accepted. */
    public static final int MAX_DEPTH = 32;

    private StrictJson() {
    }

    private static final class Factory {
        static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
        static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    }

    /**
     * Parses a JSON object.
     *
     * @return the object, or a violation saying why the text is not one
     */
    public static Parsed<JsonObject> parseObject(String text) {
        return parse(text, JsonParser.Event.START_OBJECT, "object").map(JsonObject.class::cast);
    }

    /**
     * Parses a JSON array (for example the {@code authorization_details} parameter, RFC 9396 §2), by the same rules
     * as {@link #parseObject(String)}.
     *
     * @return the array, or a violation saying why the text is not one
     */
    public static Parsed<JsonArray> parseArray(String text) {
        return parse(text, JsonParser.Event.START_ARRAY, "array").map(JsonArray.class::cast);
    }

    private static Parsed<JsonValue> parse(String text, JsonParser.Event start, String kind) {
        if (text.length() > MAX_LENGTH) {
            return invalid("JSON text larger than " + MAX_LENGTH + " characters");
        }
        try (JsonParser parser = Factory.PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != start) {
                return invalid("the JSON text is not an " + kind);
            }
            JsonValue value = start == JsonParser.Event.START_OBJECT ? readObject(parser, 1) : readArray(parser, 1);
            if (parser.hasNext()) {
                return invalid("data after the JSON " + kind);
            }
            return Parsed.ok(value);
        } catch (Malformed e) {
            return invalid(e.getMessage());
        } catch (RuntimeException e) {
            // The parser's own failures (JsonParsingException, depth and number limits) all mean: not strict JSON.
            return invalid("malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    private static <T> Parsed<T> invalid(String message) {
        return Parsed.invalid(new Violation("", message, Specs.RFC8259_JSON));
    }

    // Builds the object from parser events, refusing duplicate member names and excessive depth on the way.
    private static JsonObject readObject(JsonParser parser, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Malformed("JSON nested deeper than " + MAX_DEPTH);
        }
        JsonObjectBuilder b = Factory.BUILDERS.createObjectBuilder();
        Set<String> seen = new HashSet<>();
        while (true) {
            JsonParser.Event e = parser.next();
            if (e == JsonParser.Event.END_OBJECT) {
                return b.build();
            }
            String name = parser.getString();
            if (!seen.add(name)) {
                // RFC 8259 §4: names SHOULD be unique; duplicates are refused here (INP-04)
                throw new Malformed("duplicate member name");
            }
            b.add(name, readValue(parser, parser.next(), depth));
        }
    }

    private static JsonArray readArray(JsonParser parser, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Malformed("JSON nested deeper than " + MAX_DEPTH);
        }
        JsonArrayBuilder b = Factory.BUILDERS.createArrayBuilder();
        for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
            b.add(readValue(parser, e, depth));
        }
        return b.build();
    }

    private static JsonValue readValue(JsonParser parser, JsonParser.Event e, int depth) {
        return switch (e) {
            case START_OBJECT -> readObject(parser, depth + 1);
            case START_ARRAY -> readArray(parser, depth + 1);
            case VALUE_STRING, VALUE_NUMBER, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getValue();
            default -> throw new Malformed("unexpected " + e);
        };
    }

    private static final class Malformed extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
