package dev.lanyard.rs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.Scope;

/**
 * Per-tool scope requirements read from JSON-RPC bodies (MCP step-up, SEP-835/SEP-2350): the scope of the tools
 * called is added to the base scope, and a body that cannot be read with certainty needs every tool's scope.
 */
class ToolScopesTest {

    static final Scope READ = Scope.of("notes:read");
    static final ToolScopes TOOLS = new ToolScopes(Map.of("notes_add", Scope.of("notes:write"),
            "notes_purge", Scope.of("notes:write", "notes:admin")), 1024);

    static Scope required(String body) {
        return TOOLS.requiredFor(READ, body.getBytes(StandardCharsets.UTF_8), true, null);
    }

    static String call(String tool) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{}}}";
    }

    @Test
    void toolsCallOfAScopedToolNeedsTheBaseScopeAndTheToolsScope() {
        // MCP: the challenge names every scope the operation needs, in one go
        assertThat(required(call("notes_add")).tokens()).containsExactly("notes:read", "notes:write");
        assertThat(required(call("notes_purge")).tokens())
                .containsExactly("notes:read", "notes:write", "notes:admin");
    }

    @Test
    void otherMethodsAndUnscopedToolsNeedOnlyTheBaseScope() {
        assertThat(required(call("notes_list"))).isEqualTo(READ);
        assertThat(required("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")).isEqualTo(READ);
        assertThat(required("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")).isEqualTo(READ);
        // a JSON-RPC response (no method) calls nothing
        assertThat(required("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}")).isEqualTo(READ);
    }

    @Test
    void batchNeedsTheUnionOfItsToolCalls() {
        // JSON-RPC 2.0 §6 batches (MCP 2025-03-26): a tool hidden behind another message still counts
        assertThat(required("[" + call("notes_list") + "," + call("notes_add") + "]").tokens())
                .containsExactly("notes:read", "notes:write");
        assertThat(required("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]")).isEqualTo(READ);
    }

    @Test
    void escapedMethodAndToolNamesAreReadAsTheMcpServerReadsThem() {
        // JSON escapes decode before comparison, as in any JSON parser the MCP server may use
        assertThat(required("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools\\/call\",\"params\":{\"name\":"
                + "\"notes\\u005fadd\"}}").tokens()).containsExactly("notes:read", "notes:write");
    }

    @Test
    void malformedBodiesFailClosed() {
        // not JSON, truncated JSON, trailing content, a batch with a non-object, a tools/call without a name,
        // a method that is not a string: every tool's scope is required, so no parser difference is a bypass
        for (String body : new String[] {"", "not json", "{\"method\":\"tools/call\"", call("notes_list") + " {}",
                call("notes_list") + "x", "[1]", "[" + call("notes_list") + ",\"x\"]",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":5}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":[\"notes_add\"]}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":[\"tools/call\"],\"params\":{\"name\":\"notes_add\"}}",
                "\"tools/call\"", "null"}) {
            assertThat(required(body).tokens()).as(body)
                    .containsExactlyInAnyOrder("notes:read", "notes:write", "notes:admin");
        }
    }

    @Test
    void bodiesThatAreNotUtf8JsonFailClosed() {
        byte[] invalidUtf8 = {'{', '"', 'm', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(TOOLS.requiredFor(READ, invalidUtf8, true, null).tokens()).contains("notes:write", "notes:admin");
        byte[] deep = "[".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        assertThat(TOOLS.requiredFor(READ, deep, true, null).tokens()).contains("notes:write", "notes:admin");
    }

    @Test
    void otherEncodingsThanUtf8FailClosed() {
        // the MCP server decodes with the declared charset: with any but UTF-8 (RFC 8259 §8.1) the names it reads
        // could differ from ours, so every tool's scope is needed; an undeclared charset is UTF-8
        byte[] utf16 = call("notes_list").getBytes(StandardCharsets.UTF_16BE);
        assertThat(TOOLS.requiredFor(READ, utf16, true, null).tokens()).contains("notes:write", "notes:admin");
        assertThat(TOOLS.requiredFor(READ, utf16, true, "UTF-16").tokens()).contains("notes:write", "notes:admin");
        byte[] ascii = call("notes_list").getBytes(StandardCharsets.US_ASCII);
        for (String charset : new String[] {"ISO-8859-1", "x-unknown", "IBM037", ""}) {
            assertThat(TOOLS.requiredFor(READ, ascii, true, charset).tokens()).as(charset)
                    .contains("notes:write", "notes:admin");
        }
        assertThat(TOOLS.requiredFor(READ, ascii, true, "utf-8")).isEqualTo(READ);
        assertThat(TOOLS.requiredFor(READ, ascii, true, "UTF8")).isEqualTo(READ);
    }

    @Test
    void duplicateMembersFailClosed() {
        // parsers disagree on which duplicate wins ("notes_list" here, "notes_add" there): refuse to guess
        assertThat(required("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"notes_add\",\"name\":\"notes_list\"}}").tokens()).contains("notes:write", "notes:admin");
        assertThat(required("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"notes_add\"}}").tokens()).contains("notes:write", "notes:admin");
        // duplicates nested anywhere count as well
        assertThat(required("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"a\":{\"b\":1,"
                + "\"b\":2}}}").tokens()).contains("notes:write", "notes:admin");
        // the same member name in sibling objects is not a duplicate
        assertThat(required("[" + call("notes_list") + "," + call("notes_list") + "]")).isEqualTo(READ);
    }

    @Test
    void bodyLongerThanTheLimitFailsClosed() {
        // no body-size DoS: only maxBytes are read; the rest is not inspected, so every tool's scope is needed
        assertThat(TOOLS.requiredFor(READ, call("notes_list").getBytes(StandardCharsets.UTF_8), false, null).tokens())
                .containsExactlyInAnyOrder("notes:read", "notes:write", "notes:admin");
    }

    @Test
    void withoutToolScopesNothingIsRead() {
        ToolScopes none = new ToolScopes(Map.of(), 1024);
        assertThat(none.any()).isFalse();
        assertThat(none.requiredFor(READ, new byte[0], false, null)).isEqualTo(READ);
    }
}
