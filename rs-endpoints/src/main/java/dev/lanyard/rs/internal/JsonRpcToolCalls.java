package dev.lanyard.rs.internal;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

/**
 * Reads which MCP tools a JSON-RPC request body calls ({@code tools/call} and its {@code params.name}), for per-tool
 * scope requirements at the HTTP layer. A body it cannot read with certainty (not JSON, a duplicate member, a
 * {@code tools/call} without a string {@code name}, a non-object in a batch) is {@link Unreadable}: the caller then
 * requires every tool's scope (fail closed), so that no parser difference with the MCP server opens a bypass.
 */
public final class JsonRpcToolCalls {

    /** The JSON-RPC method of a tool call (MCP 2025-11-25, Tools §Calling Tools). */
    public static final String TOOLS_CALL = "tools/call";

    private JsonRpcToolCalls() {
    }

    /** What a body says. */
    public sealed interface Result permits Tools, Unreadable {
    }

    /** @param names the tools called (empty when the body calls none) */
    public record Tools(Set<String> names) implements Result {
        /** Copies {@code names}. */
        public Tools {
            names = Set.copyOf(names);
        }
    }

    /** The body could not be read with certainty. */
    public record Unreadable(String reason) implements Result {
    }

    /**
     * Reads {@code body}, UTF-8 JSON (RFC 8259 §8.1): one JSON-RPC message or a batch (JSON-RPC 2.0 §6, MCP
     * 2025-03-26). Malformed UTF-8 is {@link Unreadable}, not replaced.
     */
    public static Result read(byte[] body) {
        JsonValue value;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            if (hasDuplicateMember(text)) {
                return new Unreadable("a JSON object repeats a member");
            }
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                value = reader.readValue();
            }
        } catch (CharacterCodingException e) {
            return new Unreadable("not UTF-8");
        } catch (RuntimeException e) {
            // any parser failure (syntax, encoding, nesting limits) fails closed: the caller needs every tool's scope
            return new Unreadable("not JSON: " + e.getClass().getSimpleName());
        }
        Set<String> names = new LinkedHashSet<>();
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue message : value.asJsonArray()) {
                Result r = message(message, names);
                if (r != null) {
                    return r;
                }
            }
        } else {
            Result r = message(value, names);
            if (r != null) {
                return r;
            }
        }
        return new Tools(names);
    }

    // null when the message was read (its tool, if any, added to names)
    private static Result message(JsonValue value, Set<String> names) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return new Unreadable("a JSON-RPC message is not an object");
        }
        JsonObject message = value.asJsonObject();
        JsonValue method = message.get("method");
        if (method == null) {
            return null; // a response: calls nothing
        }
        if (!(method instanceof JsonString m)) {
            return new Unreadable("method is not a string");
        }
        if (!m.getString().equals(TOOLS_CALL)) {
            return null;
        }
        if (!(message.get("params") instanceof JsonObject params) || !(params.get("name") instanceof JsonString n)) {
            return new Unreadable("tools/call without a string params.name");
        }
        names.add(n.getString());
        return null;
    }

    // Parsers disagree on repeated members (first or last wins): refuse them; also rejects trailing content
    private static boolean hasDuplicateMember(String body) {
        Deque<Set<String>> objects = new ArrayDeque<>();
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            int depth = 0;
            boolean seenValue = false;
            while (parser.hasNext()) {
                JsonParser.Event e = parser.next();
                if (depth == 0 && seenValue) {
                    throw new JsonException("content after the JSON value");
                }
                switch (e) {
                    case START_OBJECT -> {
                        objects.push(new HashSet<>());
                        depth++;
                    }
                    case START_ARRAY -> {
                        objects.push(Set.of());
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        objects.pop();
                        depth--;
                    }
                    case KEY_NAME -> {
                        if (!objects.peek().add(parser.getString())) {
                            return true;
                        }
                    }
                    default -> {
                        // a scalar value
                    }
                }
                if (depth == 0) {
                    seenValue = true;
                }
            }
            if (!seenValue) {
                throw new JsonException("empty body");
            }
        }
        return false;
    }
}
