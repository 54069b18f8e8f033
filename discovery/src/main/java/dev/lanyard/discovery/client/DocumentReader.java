package dev.lanyard.discovery.client;

import java.net.URI;
import java.util.Optional;

import jakarta.json.JsonObject;

import dev.lanyard.discovery.client.DiscoveryAttempt.Outcome;
import dev.lanyard.discovery.client.DiscoveryAttempt.Step;
import dev.lanyard.discovery.fetch.FetchException;
import dev.lanyard.discovery.fetch.FetchResult;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * Fetches a metadata URL and reads it as a JSON object. What real deployments answer on URLs they do not serve (401,
 * 403 or 404 from CDNs and gateways, an HTML page, an empty body) moves on to the next URL; so do fetch failures.
 */
final class DocumentReader {

    private DocumentReader() {
    }

    /** The answer and its JSON object. */
    record Json(FetchResult answer, JsonObject object) {
    }

    static Json read(SafeFetcher fetcher, Step step, URI url, SpecRef responseRule) {
        FetchResult answer;
        try {
            answer = fetcher.fetch(url);
        } catch (FetchException e) {
            Outcome outcome = e.reason() == FetchException.Reason.CONTENT_TYPE_REFUSED ? Outcome.NOT_JSON
                    : Outcome.FETCH_FAILED;
            throw new AttemptFailure(new DiscoveryAttempt(step, url, outcome, e.reason() + ": " + e.detail(),
                    e.reason().rule().or(() -> Optional.of(responseRule))));
        }
        if (answer.status() != 200) {
            // RFC 8414 §3.2 / RFC 9728 §3.2: success is 200; anything else is not this document
            throw new AttemptFailure(new DiscoveryAttempt(step, url, Outcome.NOT_FOUND,
                    "status " + answer.status() + ", not 200", Optional.of(responseRule)));
        }
        Parsed<JsonObject> json = StrictJson.parseObject(answer.bodyAsString());
        if (json instanceof Parsed.Invalid<JsonObject> invalid) {
            throw new AttemptFailure(new DiscoveryAttempt(step, url, Outcome.NOT_JSON,
                    "200 but not a JSON object: " + summary(invalid.violations()), Optional.of(Specs.RFC8259_JSON)));
        }
        return new Json(answer, json.orElseThrow());
    }

    /** A document that breaks a rule: discovery stops here. */
    static AttemptFailure rejected(Step step, URI url, String detail, SpecRef rule) {
        return new AttemptFailure(new DiscoveryAttempt(step, url, Outcome.REJECTED, detail, Optional.of(rule)));
    }

    /** The violations, in one line. */
    static String summary(Violations violations) {
        String text = violations.toString();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    /** A value from a document, quoted for a message: at most 200 characters, controls escaped. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder("\"");
        value.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append(value.length() > 200 ? "…\"" : "\"").toString();
    }
}
