package dev.lanyard.cimd.internal;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import dev.lanyard.cimd.ClientIdMetadataDocument;
import dev.lanyard.cimd.ClientIdUrl;
import dev.lanyard.cimd.CimdValidator;
import dev.lanyard.discovery.fetch.FetchCache;
import dev.lanyard.discovery.fetch.FetchException;
import dev.lanyard.discovery.fetch.FetchResult;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.ref.SpecRef;

/**
 * One fetch of a client ID metadata document and its checks: the SSRF-safe GET, 200 only, a strict JSON object, the
 * validator, the lifetime its headers give. Never throws for a bad answer: the outcome says what happened and whether
 * the failure is transient (the host is down) or definite (the document is gone or wrong). Internal.
 */
public final class DocumentFetch {

    /** What one fetch produced. */
    public sealed interface Outcome permits Fetched, Failed {
    }

    /**
     * A valid document.
     *
     * @param document       the validated document
     * @param ttl            its freshness lifetime, clamped; zero means it must not be stored
     * @param mustRevalidate whether its headers forbid serving it stale
     */
    public record Fetched(ClientIdMetadataDocument document, Duration ttl, boolean mustRevalidate) implements Outcome {
    }

    /**
     * A failure.
     *
     * @param failure          the exception to throw
     * @param transientFailure whether the host failed (unreachable, timeout, 5xx, 429) rather than the document
     */
    public record Failed(OAuthException failure, boolean transientFailure) implements Outcome {
    }

    private final SafeFetcher fetcher;
    private final CimdValidator validator;
    private final FetchCache<String, Boolean> lifetimes;

    /**
     * @param fetcher   the fetcher with the document policy
     * @param validator the document rules
     * @param lifetimes a cache whose bounds clamp lifetimes; only its {@code fresh} reading of the headers is used
     */
    public DocumentFetch(SafeFetcher fetcher, CimdValidator validator, FetchCache<String, Boolean> lifetimes) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes");
    }

    /** Fetches and checks the document at {@code url}. */
    public Outcome fetch(ClientIdUrl url) {
        FetchResult answer;
        try {
            answer = fetcher.fetch(url.uri());
        } catch (FetchException e) {
            return new Failed(failure(OAuthError.INVALID_CLIENT, "the client metadata document could not be fetched: "
                    + e.reason().summary(), rule(e.reason()), e.getMessage()), isTransient(e.reason()));
        } catch (RuntimeException e) {
            // the HTTP stack failed in a way the fetcher did not map: still a fetch failure, never a server error
            return new Failed(failure(OAuthError.INVALID_CLIENT, "the client metadata document could not be fetched: "
                    + FetchException.Reason.IO_ERROR.summary(), CimdRules.FETCH, e.toString()), true);
        }
        if (answer.status() != 200) {
            // CIMD §5: only 200 is success; the server MUST treat any other status as an error
            return new Failed(failure(OAuthError.INVALID_CLIENT, "the client metadata document answered HTTP "
                    + answer.status() + "; only 200 is accepted", CimdRules.FETCH, answer.toString()),
                    answer.status() >= 500 || answer.status() == 429);
        }
        Parsed<JsonObject> json = StrictJson.parseObject(answer.bodyAsString());
        if (!(json instanceof Parsed.Ok<JsonObject> object)) {
            return new Failed(failure(OAuthError.INVALID_CLIENT, "the client metadata document is not a JSON object",
                    CimdRules.DOCUMENT, answer + ": " + json.violations()), false);
        }
        Parsed<ClientIdMetadataDocument> checked = validator.validate(url, object.value());
        if (!(checked instanceof Parsed.Ok<ClientIdMetadataDocument> valid)) {
            Violations violations = checked.violations();
            Violation first = violations.items().get(0);
            String more = violations.items().size() > 1 ? " (and " + (violations.items().size() - 1) + " more)" : "";
            return new Failed(failure(OAuthError.INVALID_CLIENT_METADATA, "the client metadata document is invalid: "
                    + first.pointer() + " " + first.message() + more, first.rule(), answer + ": " + violations), false);
        }
        boolean revalidate = answer.headerValues("cache-control").stream().map(h -> h.toLowerCase(Locale.ROOT))
                .anyMatch(h -> h.contains("must-revalidate") || h.contains("proxy-revalidate"));
        return new Fetched(valid.value(), lifetimes.fresh(Boolean.TRUE, answer).ttl(), revalidate);
    }

    /** An exception with a description safe for the wire: quotes become apostrophes, the RFC 6749 charset. */
    public static OAuthException failure(OAuthError error, String description, SpecRef rule, String detail) {
        return new OAuthException(error.withDescription(OAuthError.sanitize(description.replace('"', '\''))), rule,
                detail);
    }

    private static boolean isTransient(FetchException.Reason reason) {
        return switch (reason) {
            case CONNECT_FAILED, TIMEOUT, IO_ERROR, UNKNOWN_HOST -> true;
            default -> false;
        };
    }

    private static SpecRef rule(FetchException.Reason reason) {
        return switch (reason) {
            case SPECIAL_USE_ADDRESS -> CimdRules.SSRF;
            case BODY_TOO_LARGE -> CimdRules.SIZE;
            case REDIRECT_REFUSED -> CimdRules.FETCH;
            default -> reason.rule().orElse(CimdRules.FETCH);
        };
    }
}
