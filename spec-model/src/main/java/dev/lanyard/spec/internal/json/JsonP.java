package dev.lanyard.spec.internal.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json.createObjectBuilder()} and its siblings look the
 * provider up through {@link java.util.ServiceLoader} on every call, which costs tens of microseconds: more than the
 * rest of serializing a token response or a claim set together. Every writer of this module builds through here.
 */
public final class JsonP {

    private static volatile JsonProvider provider;

    private JsonP() {
    }

    /** The provider, found on first use (a failed lookup is retried on the next call). */
    public static JsonProvider provider() {
        JsonProvider p = provider;
        if (p == null) {
            p = JsonProvider.provider();
            provider = p;
        }
        return p;
    }

    /** An empty object builder. */
    public static JsonObjectBuilder createObjectBuilder() {
        return provider().createObjectBuilder();
    }

    /** An object builder starting from {@code object}'s members. */
    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return provider().createObjectBuilder(object);
    }

    /** An empty array builder. */
    public static JsonArrayBuilder createArrayBuilder() {
        return provider().createArrayBuilder();
    }
}
