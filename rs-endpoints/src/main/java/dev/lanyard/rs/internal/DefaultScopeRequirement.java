package dev.lanyard.rs.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.Config;

import dev.lanyard.rs.servlet.InspectedBody;
import dev.lanyard.rs.servlet.ScopeRequirement;
import dev.lanyard.spec.core.Scope;

/**
 * The default {@link ScopeRequirement}: {@code lanyard.rs.required-scopes} for every request, plus, for a POST that
 * calls MCP tools, the scopes configured for those tools ({@code lanyard.rs.tool-scopes.<tool>}).
 */
@ApplicationScoped
public class DefaultScopeRequirement implements ScopeRequirement {

    @Inject
    ProtectedResource resource;

    @Inject
    Config config;

    private ToolScopes tools;

    @PostConstruct
    void init() {
        tools = ToolScopes.read(config);
    }

    @Override
    public Scope requiredFor(HttpServletRequest request) {
        Scope base = resource.settings().requiredScopes();
        if (!tools.any() || !"POST".equals(request.getMethod())) {
            return base;
        }
        // A POST whose body was not read (another filter wrapped the request): fail closed
        String charset = request.getCharacterEncoding();
        return InspectedBody.of(request).map(b -> tools.requiredFor(base, b.bytes(), b.complete(), charset))
                .orElseGet(() -> tools.requiredFor(base, new byte[0], false, charset));
    }

    @Override
    public int bodyBytesToRead() {
        return tools.any() ? tools.maxBytes() : 0;
    }
}
