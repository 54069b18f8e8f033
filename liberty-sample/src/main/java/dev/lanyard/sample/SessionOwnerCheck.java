package dev.lanyard.sample;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import dev.lanyard.rs.AccessTokenPrincipal;

/**
 * Binds each MCP session to the caller who opened it (MCP security best practices, session hijacking: servers SHOULD
 * bind session ids to user-specific information). Runs after the bearer filter: the session id the transport hands
 * out on {@code initialize} is recorded with the token's issuer, subject and client; a later request carrying that
 * {@code Mcp-Session-Id} with another caller's token, or a session id not handed out here, gets 404, the answer the
 * Streamable HTTP transport gives for a session it does not know. The tools read the caller from the token of each
 * request anyway; this keeps another caller off the session's stream. At most {@value #MAX_SESSIONS} bindings are
 * kept, the oldest forgotten first (its client then opens a new session).
 */
final class SessionOwnerCheck extends HttpFilter {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final int MAX_SESSIONS = 10_000;

    private static final long serialVersionUID = 1L;

    private record Owner(String issuer, String subject, String clientId) {
    }

    private final transient Map<String, Owner> owners = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Owner> eldest) {
                    return size() > MAX_SESSIONS;
                }
            });

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request.getUserPrincipal() instanceof AccessTokenPrincipal caller)) {
            // the bearer filter answered already; nothing reaches the transport without a token
            chain.doFilter(request, response);
            return;
        }
        Owner owner = new Owner(caller.issuer(), caller.subject(), caller.clientId());
        String session = request.getHeader(SESSION_HEADER);
        if (session == null) {
            // a new session (initialize): remember whose it is when the transport names it
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setHeader(String name, String value) {
                    remember(name, value);
                    super.setHeader(name, value);
                }

                @Override
                public void addHeader(String name, String value) {
                    remember(name, value);
                    super.addHeader(name, value);
                }

                private void remember(String name, String value) {
                    if (SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
                        owners.put(value, owner);
                    }
                }
            });
            return;
        }
        if (!owner.equals(owners.get(session))) {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Session not found");
            return;
        }
        chain.doFilter(request, response);
        if ("DELETE".equals(request.getMethod()) && response.getStatus() < 300) {
            owners.remove(session);
        }
    }
}
