package dev.lanyard.spec.internal.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes optional and list members, skipping absent ones, so that what is written parses back equal. Internal. */
public final class JsonWrites {

    private JsonWrites() {
    }

    /** Adds {@code value.toString()} if present. */
    public static void put(JsonObjectBuilder b, String name, Optional<?> value) {
        value.ifPresent(v -> {
            if (v instanceof Boolean bool) {
                b.add(name, bool);
            } else if (v instanceof Long l) {
                b.add(name, l);
            } else if (v instanceof Integer i) {
                b.add(name, i);
            } else if (v instanceof JsonValue j) {
                b.add(name, j);
            } else {
                b.add(name, v.toString());
            }
        });
    }

    /** Adds an array of {@code toString()} values unless the list is empty. */
    public static void putList(JsonObjectBuilder b, String name, List<?> values) {
        if (!values.isEmpty()) {
            b.add(name, array(values));
        }
    }

    /** An array of {@code toString()} values. */
    public static JsonArrayBuilder array(List<?> values) {
        JsonArrayBuilder a = JsonP.createArrayBuilder();
        values.forEach(v -> a.add(v.toString()));
        return a;
    }

    /** Adds every member of {@code extensions}. */
    public static void putAll(JsonObjectBuilder b, Map<String, JsonValue> extensions) {
        extensions.forEach(b::add);
    }
}
