package dev.lanyard.discovery.client;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.ref.SpecRef;

/**
 * One URL the discovery chain tried, and what came of it: the trail a user reads when discovery fails.
 *
 * @param step    which step of the chain
 * @param url     the URL requested
 * @param outcome what happened
 * @param detail  what exactly, in words a user can act on (status, reason, the member that broke a rule); never
 *                body content
 * @param rule    the section that decided the outcome, where one did
 */
public record DiscoveryAttempt(Step step, URI url, Outcome outcome, String detail, Optional<SpecRef> rule) {

    /** The steps of the MCP authorization discovery chain. */
    public enum Step {
        /** The unauthenticated request to the MCP server, for its {@code WWW-Authenticate} challenge. */
        PROBE,
        /** A protected resource metadata URL (RFC 9728). */
        PROTECTED_RESOURCE_METADATA,
        /** An authorization server metadata URL (RFC 8414 or OpenID Connect Discovery). */
        AUTHORIZATION_SERVER_METADATA
    }

    /** What came of one URL. */
    public enum Outcome {
        /** The document was valid and is used. */
        ACCEPTED,
        /** The probe got a Bearer challenge. */
        CHALLENGED,
        /** The probe got no usable Bearer challenge; discovery goes on with well-known URLs. */
        NOT_CHALLENGED,
        /** A status other than 200 (404, 401, 403 from CDNs, …): the next URL is tried. */
        NOT_FOUND,
        /** A 200 that is not JSON (an HTML page from a CDN or a login wall): the next URL is tried. */
        NOT_JSON,
        /** The fetcher refused or failed (address, TLS, timeout, size, redirect): the next URL is tried. */
        FETCH_FAILED,
        /** A document was found and breaks a rule: discovery stops. */
        REJECTED
    }

    public DiscoveryAttempt {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(rule, "rule");
    }

    /** {@code AUTHORIZATION_SERVER_METADATA https://… NOT_FOUND: 404 (RFC 8414 §3.1)}. */
    @Override
    public String toString() {
        return step + " " + url + " " + outcome + (detail.isEmpty() ? "" : ": " + detail)
                + rule.map(r -> " (" + r + ")").orElse("");
    }
}
