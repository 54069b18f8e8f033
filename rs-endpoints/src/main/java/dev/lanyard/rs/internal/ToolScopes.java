package dev.lanyard.rs.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.config.Config;

import dev.lanyard.rs.RsConfigKeys;
import dev.lanyard.spec.core.Scope;

/**
 * The scopes each MCP tool needs ({@code lanyard.rs.tool-scopes.<tool>}) and the scope a JSON-RPC body needs: the
 * base scope plus those of the tools it calls, or plus every tool's scope when the body cannot be read with
 * certainty (fail closed).
 *
 * @param byTool   the scopes of each configured tool
 * @param maxBytes the largest body read
 */
public record ToolScopes(Map<String, Scope> byTool, int maxBytes) {

    /** The default of {@link RsConfigKeys#TOOL_SCOPES_MAX_BODY}. */
    public static final int DEFAULT_MAX_BYTES = 65_536;

    /** Copies {@code byTool}. */
    public ToolScopes {
        byTool = Map.copyOf(byTool);
        if (maxBytes < 1) {
            throw new IllegalArgumentException(RsConfigKeys.TOOL_SCOPES_MAX_BODY + " must be positive");
        }
    }

    /**
     * @throws IllegalStateException naming a key with a malformed scope
     */
    public static ToolScopes read(Config config) {
        Map<String, Scope> byTool = new TreeMap<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(RsConfigKeys.TOOL_SCOPES_PREFIX)
                    && key.length() > RsConfigKeys.TOOL_SCOPES_PREFIX.length()) {
                String value = config.getOptionalValue(key, String.class).orElse("");
                try {
                    byTool.put(key.substring(RsConfigKeys.TOOL_SCOPES_PREFIX.length()),
                            Scope.of(List.of(value.strip().split("[\\s,]+"))));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Lanyard resource server configuration: " + key
                            + " holds a malformed scope", e);
                }
            }
        }
        int max = config.getOptionalValue(RsConfigKeys.TOOL_SCOPES_MAX_BODY, Integer.class)
                .orElse(DEFAULT_MAX_BYTES);
        return new ToolScopes(byTool, max);
    }

    /** Whether any tool has its own scopes. */
    public boolean any() {
        return !byTool.isEmpty();
    }

    /**
     * The scope a POST with this body needs: {@code base} plus the scopes of the tools it calls.
     *
     * @param charset the request's declared character encoding, or {@code null}; the MCP server decodes the body
     *                with it, so any other than UTF-8 needs every tool's scope (no decoding differences)
     */
    public Scope requiredFor(Scope base, byte[] body, boolean complete, String charset) {
        if (!complete || !(charset == null || isUtf8(charset))) {
            return union(base, byTool.keySet());
        }
        return switch (JsonRpcToolCalls.read(body)) {
            case JsonRpcToolCalls.Tools t -> union(base, t.names());
            case JsonRpcToolCalls.Unreadable u -> union(base, byTool.keySet());
        };
    }

    private static boolean isUtf8(String charset) {
        try {
            return Charset.forName(charset.strip()).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // unknown or malformed name: not UTF-8 as far as this check goes
            return false;
        }
    }

    private Scope union(Scope base, Set<String> tools) {
        Set<String> all = new LinkedHashSet<>(base.tokens());
        for (String tool : tools) {
            Scope s = byTool.get(tool);
            if (s != null) {
                all.addAll(s.tokens());
            }
        }
        return Scope.of(new ArrayList<>(all));
    }
}
