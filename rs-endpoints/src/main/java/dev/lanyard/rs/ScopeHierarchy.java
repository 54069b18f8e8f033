package dev.lanyard.rs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lanyard.spec.core.Scope;

/**
 * Which scopes imply which others (a broad scope implies narrower ones; MCP 2026-07-28 authorization requires a
 * server to honour such hierarchies when deciding whether a token suffices).
 *
 * <p>Declared as edges {@code broad>narrow}, transitively closed: {@code notes:admin>notes:write,
 * notes:write>notes:read} makes {@code notes:admin} satisfy a need for {@code notes:read}.
 */
public final class ScopeHierarchy {

    private final Map<String, Set<String>> implied;

    private ScopeHierarchy(Map<String, Set<String>> implied) {
        this.implied = implied;
    }

    /** No scope implies another. */
    public static ScopeHierarchy flat() {
        return new ScopeHierarchy(Map.of());
    }

    /**
     * Parses edges such as {@code notes:write>notes:read}.
     *
     * @throws IllegalArgumentException when an edge is not {@code scope>scope}
     */
    public static ScopeHierarchy parse(List<String> edges) {
        Map<String, Set<String>> direct = new HashMap<>();
        for (String edge : edges) {
            String e = edge.strip();
            if (e.isEmpty()) {
                continue;
            }
            int gt = e.indexOf('>');
            String broad = gt < 0 ? "" : e.substring(0, gt).strip();
            String narrow = gt < 0 ? "" : e.substring(gt + 1).strip();
            if (!Scope.isScopeToken(broad) || !Scope.isScopeToken(narrow) || narrow.indexOf('>') >= 0) {
                throw new IllegalArgumentException("a scope hierarchy edge is 'broad>narrow', got: " + e);
            }
            direct.computeIfAbsent(broad, k -> new LinkedHashSet<>()).add(narrow);
        }
        Map<String, Set<String>> closed = new HashMap<>();
        for (String broad : direct.keySet()) {
            Set<String> reach = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(direct.get(broad));
            while (!todo.isEmpty()) {
                String s = todo.pop();
                if (reach.add(s)) {
                    todo.addAll(direct.getOrDefault(s, Set.of()));
                }
            }
            closed.put(broad, Set.copyOf(reach));
        }
        return new ScopeHierarchy(Map.copyOf(closed));
    }

    /** The granted scope with every implied scope added. */
    public Set<String> expand(Scope granted) {
        Set<String> all = new HashSet<>(granted.tokens());
        for (String g : granted.tokens()) {
            all.addAll(implied.getOrDefault(g, Set.of()));
        }
        return all;
    }

    /** Whether {@code granted} covers every token of {@code required}. */
    public boolean satisfies(Scope granted, Scope required) {
        if (granted.containsAll(required)) {
            return true;
        }
        return expand(granted).containsAll(required.tokens());
    }
}
