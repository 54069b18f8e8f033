package dev.lanyard.discovery.client;

import java.io.Serial;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.lanyard.spec.ref.SpecRef;

/**
 * Discovery could not produce a usable result. The message names the URL and the rule (section) that failed, then
 * lists every URL tried with its outcome.
 */
public final class DiscoveryException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final URI url;
    private final transient SpecRef rule;
    private final transient List<DiscoveryAttempt> attempts;

    /**
     * @param url      the URL whose document broke the rule, or the MCP server URL when nothing usable was found
     * @param rule     the section that failed
     * @param problem  what failed, in words a user can act on
     * @param attempts every URL tried, in order
     */
    public DiscoveryException(URI url, SpecRef rule, String problem, List<DiscoveryAttempt> attempts) {
        super(message(url, rule, problem, attempts));
        this.url = Objects.requireNonNull(url, "url");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.attempts = List.copyOf(attempts);
    }

    /** The URL whose document broke the rule, or the MCP server URL when nothing usable was found. */
    public URI url() {
        return url;
    }

    /** The section that failed. */
    public SpecRef rule() {
        return rule;
    }

    /** Every URL tried, in order, with its outcome. */
    public List<DiscoveryAttempt> attempts() {
        return attempts;
    }

    private static String message(URI url, SpecRef rule, String problem, List<DiscoveryAttempt> attempts) {
        String tried = attempts.stream().map(a -> "  - " + a).collect(Collectors.joining("\n"));
        return problem + " at " + url + " (" + rule + ")" + (tried.isEmpty() ? "" : "\ntried:\n" + tried);
    }
}
