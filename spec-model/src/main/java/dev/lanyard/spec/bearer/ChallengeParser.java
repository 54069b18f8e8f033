package dev.lanyard.spec.bearer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;

/**
 * A single-pass parser of {@code WWW-Authenticate} field values (RFC 9110 §11.6.1):
 *
 * <pre>
 * WWW-Authenticate = #challenge
 * challenge        = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 * auth-param       = token BWS "=" BWS ( token / quoted-string )
 * token68          = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 * </pre>
 *
 * <p>The grammar is ambiguous where a comma follows an auth-param: what comes next is another auth-param when it is
 * {@code token BWS "="}, and a new challenge otherwise. That is the only reading RFC 9110's grammar allows, and it
 * splits the §11.6.1 example into its two challenges. Runs in time linear in the input.
 */
final class ChallengeParser {

    private static final SpecRef CHALLENGE = SpecRef.rfc(9110, "11.6.1");
    private static final SpecRef AUTH_PARAM = SpecRef.rfc(9110, "11.2");
    /** Parameter names that may be named in an error description: fixed strings, never raw input. */
    private static final Set<String> NAMEABLE = Set.of("realm", "scope", "error", "error_description", "error_uri",
            "resource_metadata");

    private final String s;
    private int pos;

    private ChallengeParser(String s) {
        this.s = s;
    }

    static List<Challenge> parseAll(String value) {
        if (value.length() > Challenge.MAX_HEADER_LENGTH) {
            throw malformed("the WWW-Authenticate header is too long", CHALLENGE);
        }
        return new ChallengeParser(value).challenges();
    }

    private List<Challenge> challenges() {
        List<Challenge> out = new ArrayList<>();
        skipSeparators();
        while (pos < s.length()) {
            out.add(challenge());
            skipOws();
            if (pos < s.length()) {
                if (s.charAt(pos) != ',') {
                    throw malformed("unexpected character after a challenge in the WWW-Authenticate header", CHALLENGE);
                }
                skipSeparators();
            }
        }
        return out;
    }

    private Challenge challenge() {
        String scheme = token();
        if (scheme == null) {
            throw malformed("a challenge in the WWW-Authenticate header does not start with an auth-scheme", CHALLENGE);
        }
        int afterScheme = pos;
        skipOws();
        if (pos == s.length() || s.charAt(pos) == ',') {
            return new Challenge(scheme, Optional.empty(), Map.of());
        }
        if (pos == afterScheme) {
            throw malformed("an auth-scheme in the WWW-Authenticate header is not followed by a space", CHALLENGE);
        }
        int start = pos;
        if (token() != null) {
            skipOws();
            if (pos < s.length() && s.charAt(pos) == '=') {
                pos++;
                skipOws();
                if (pos < s.length() && (HttpSyntax.isTchar(s.charAt(pos)) || s.charAt(pos) == '"')) {
                    pos = start;
                    return new Challenge(scheme, Optional.empty(), authParams());
                }
            }
        }
        pos = start;
        return new Challenge(scheme, Optional.of(token68()), Map.of());
    }

    private Map<String, String> authParams() {
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            String name = HttpSyntax.asciiLower(token());
            skipOws();
            pos++; // the "=" seen by the caller's look-ahead
            skipOws();
            String value = s.charAt(pos) == '"' ? quotedString() : token();
            if (params.putIfAbsent(name, value) != null) {
                // RFC 9110 §11.2: each parameter name MUST only occur once per challenge; RFC 6750 §3 likewise
                throw malformed(NAMEABLE.contains(name)
                        ? "the auth-param " + name + " is repeated in a WWW-Authenticate challenge"
                        : "an auth-param is repeated in a WWW-Authenticate challenge", AUTH_PARAM);
            }
            skipOws();
            if (pos == s.length()) {
                return params;
            }
            if (s.charAt(pos) != ',') {
                throw malformed("unexpected character after an auth-param in the WWW-Authenticate header", AUTH_PARAM);
            }
            int comma = pos;
            skipSeparators();
            if (pos == s.length()) {
                return params;
            }
            if (!startsAuthParam()) {
                pos = comma; // the next challenge starts here
                return params;
            }
        }
    }

    /** Whether {@code token BWS "=" BWS ( token / quoted-string )} starts at the position; does not move. */
    private boolean startsAuthParam() {
        int start = pos;
        try {
            if (token() == null) {
                return false;
            }
            skipOws();
            if (pos == s.length() || s.charAt(pos) != '=') {
                return false;
            }
            pos++;
            skipOws();
            if (pos < s.length() && (HttpSyntax.isTchar(s.charAt(pos)) || s.charAt(pos) == '"')) {
                return true;
            }
            throw malformed("an auth-param in the WWW-Authenticate header has no value", AUTH_PARAM);
        } finally {
            pos = start;
        }
    }

    private String token() {
        int start = pos;
        while (pos < s.length() && HttpSyntax.isTchar(s.charAt(pos))) {
            pos++;
        }
        return pos > start ? s.substring(start, pos) : null;
    }

    private String token68() {
        int start = pos;
        while (pos < s.length() && HttpSyntax.isToken68Char(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw malformed("a challenge in the WWW-Authenticate header has neither a token68 nor auth-params",
                    CHALLENGE);
        }
        while (pos < s.length() && s.charAt(pos) == '=') {
            pos++;
        }
        return s.substring(start, pos);
    }

    private String quotedString() {
        StringBuilder b = new StringBuilder();
        pos++; // opening DQUOTE
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos == s.length()) {
                    break;
                }
                c = s.charAt(pos++);
            }
            if (!HttpSyntax.isQuotable(c)) {
                // RFC 9110 §5.6.4: qdtext and quoted-pair exclude CTLs (CR, LF, NUL, ...) but HTAB
                throw malformed("a quoted-string in the WWW-Authenticate header holds a control character",
                        AUTH_PARAM);
            }
            b.append(c);
        }
        throw malformed("a quoted-string in the WWW-Authenticate header is not terminated", AUTH_PARAM);
    }

    private void skipOws() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** Skips OWS and empty list elements (RFC 9110 §5.6.1: recipients accept them). */
    private void skipSeparators() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == ',')) {
            pos++;
        }
    }

    private static OAuthException malformed(String description, SpecRef rule) {
        return OAuthException.invalidRequest("Malformed WWW-Authenticate header: " + description, rule);
    }
}
