package dev.lanyard.sample;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.spec.core.Scope;

/**
 * The sample's MCP server (official MCP Java SDK, Streamable HTTP): the notes of each user, kept in the database. {@code notes_list} needs
 * {@code notes:read}, {@code notes_add} needs {@code notes:write}. The caller is the validated access token's
 * subject, handed over by the bearer filter in front of the transport servlet.
 */
final class NotesServer {

    static final String CALLER = "lanyard.caller";

    private final Notes notes;
    private final HttpServletStreamableServerTransportProvider transport;
    private final McpSyncServer server;

    NotesServer(Notes notes) {
        this.notes = notes;
        transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                .contextExtractor(request -> McpTransportContext.create(request.getUserPrincipal() == null ? Map.of()
                        : Map.of(CALLER, request.getUserPrincipal())))
                .build();
        server = McpServer.sync(transport)
                .serverInfo("lanyard-sample-notes", "0.1.0")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(listTool(), addTool())
                .build();
    }

    /** The servlet to mount at {@code /mcp}. */
    HttpServletStreamableServerTransportProvider servlet() {
        return transport;
    }

    void close() {
        server.closeGracefully();
    }

    private SyncToolSpecification listTool() {
        return SyncToolSpecification.builder()
                .tool(Tool.builder("notes_list", Map.of("type", "object", "properties", Map.of()))
                        .description("Lists your notes (needs notes:read)").build())
                .callHandler((exchange, request) -> withScope(exchange, "notes:read",
                        caller -> CallToolResult.builder()
                                .textContent(notes.list(caller.subject()))
                                .build()))
                .build();
    }

    private SyncToolSpecification addTool() {
        return SyncToolSpecification.builder()
                .tool(Tool.builder("notes_add", Map.of("type", "object", "properties",
                                Map.of("text", Map.of("type", "string")), "required", List.of("text")))
                        .description("Adds a note (needs notes:write)").build())
                .callHandler((exchange, request) -> withScope(exchange, "notes:write", caller -> {
                    String text = String.valueOf(arguments(request).getOrDefault("text", "")).strip();
                    if (text.isEmpty() || text.length() > Notes.MAX_TEXT) {
                        return CallToolResult.builder().addTextContent("text: 1 to " + Notes.MAX_TEXT + " characters")
                                .isError(true).build();
                    }
                    if (!notes.add(caller.subject(), text)) {
                        return CallToolResult.builder().addTextContent("at most " + Notes.MAX_PER_USER + " notes")
                                .isError(true).build();
                    }
                    return CallToolResult.builder().addTextContent("added").build();
                }))
                .build();
    }

    private static Map<String, Object> arguments(CallToolRequest request) {
        return request.arguments() == null ? Map.of() : request.arguments();
    }

    // Defence in depth: the bearer filter already asked for the scope; the tool checks it again.
    private static CallToolResult withScope(McpSyncServerExchange exchange, String scope,
            java.util.function.Function<AccessTokenPrincipal, CallToolResult> work) {
        if (!(exchange.transportContext().get(CALLER) instanceof AccessTokenPrincipal caller)) {
            return CallToolResult.builder().addTextContent("not authenticated").isError(true).build();
        }
        if (!caller.scope().containsAll(Scope.of(scope))) {
            return CallToolResult.builder().addTextContent("this tool needs the scope " + scope).isError(true)
                    .build();
        }
        return work.apply(caller);
    }
}
