package dev.lanyard.cimd;

import java.util.Collection;
import java.util.List;

import dev.lanyard.cimd.internal.HostPatterns;

/**
 * Which clients identified by a metadata document URL the server deals with: a replaceable policy (draft §8.9 domain
 * trust; MCP security considerations: servers MAY apply domain trust policies).
 *
 * <p>{@link #allowFetch(ClientIdUrl)} runs before anything is fetched, so an untrusted host is never contacted;
 * {@link #allowClient(ClientIdMetadataDocument)} runs on every resolution, cached or not, with the validated
 * document. A refusal is {@code invalid_client}. Implementations must be thread-safe and fast (no I/O).
 *
 * <p>The built-in policies match the host of the URL in lower case against patterns: {@code example.com} matches
 * that host only; {@code .example.com} or {@code *.example.com} matches every host below it (not the apex itself).
 */
public interface CimdTrustPolicy {

    /** Whether the document at {@code clientId} may be fetched (and the client served). */
    boolean allowFetch(ClientIdUrl clientId);

    /** Whether a client whose document passed validation may be served; by default, every such client. */
    default boolean allowClient(ClientIdMetadataDocument document) {
        return true;
    }

    /** Trusts every host (the special-use address rules of the fetcher still apply). */
    static CimdTrustPolicy allowAny() {
        return hosts(List.of(), List.of());
    }

    /**
     * Trusts only hosts matching one of {@code patterns}.
     *
     * @throws IllegalArgumentException if {@code patterns} is empty or a pattern is not a host name pattern
     */
    static CimdTrustPolicy allowHosts(Collection<String> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("an allow-list of CIMD hosts needs at least one pattern");
        }
        return hosts(patterns, List.of());
    }

    /** Trusts every host except those matching one of {@code patterns}. */
    static CimdTrustPolicy denyHosts(Collection<String> patterns) {
        return hosts(List.of(), patterns);
    }

    /**
     * Trusts hosts matching {@code allowed} (every host when it is empty) unless they match {@code denied}.
     *
     * @throws IllegalArgumentException if a pattern is not a host name pattern
     */
    static CimdTrustPolicy hosts(Collection<String> allowed, Collection<String> denied) {
        HostPatterns allow = HostPatterns.of(allowed);
        HostPatterns deny = HostPatterns.of(denied);
        return new CimdTrustPolicy() {
            @Override
            public boolean allowFetch(ClientIdUrl clientId) {
                String host = clientId.host();
                return !deny.matches(host) && (allow.isEmpty() || allow.matches(host));
            }

            @Override
            public String toString() {
                return "CimdTrustPolicy[allowed=" + (allow.isEmpty() ? "any" : allow) + ", denied=" + deny + "]";
            }
        };
    }
}
