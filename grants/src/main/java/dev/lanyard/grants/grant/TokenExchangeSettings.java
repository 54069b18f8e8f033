package dev.lanyard.grants.grant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of the delegation token exchange (RFC 8693) for access tokens. Start from {@link #defaults()}.
 *
 * @param maxSubjectTokenLength the longest {@code subject_token} (and {@code actor_token}) accepted, in characters
 *                              (default 4096; a longer one is {@code invalid_request} and nothing is issued: A-084)
 * @param permittedTargets      for each client id, the {@code audience} and {@code resource} values it may exchange
 *                              for, compared exactly; a client absent here may name no target (RFC 8693 §2.2.2:
 *                              {@code invalid_target}). They are also the audiences of the subject tokens of other
 *                              clients it may exchange (TX-07: a token for another resource is {@code invalid_request})
 */
public record TokenExchangeSettings(int maxSubjectTokenLength, Map<String, List<String>> permittedTargets) {

    public TokenExchangeSettings {
        if (maxSubjectTokenLength <= 0) {
            throw new IllegalArgumentException("maxSubjectTokenLength is positive");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        permittedTargets.forEach((client, targets) -> copy.put(client, List.copyOf(targets)));
        permittedTargets = Map.copyOf(copy);
    }

    /** Subject tokens up to 4096 characters, no client permitted any target. */
    public static TokenExchangeSettings defaults() {
        return new TokenExchangeSettings(4096, Map.of());
    }

    /** A copy where {@code clientId} may exchange for {@code targets} (replacing what it had). */
    public TokenExchangeSettings permit(String clientId, List<String> targets) {
        Map<String, List<String>> copy = new LinkedHashMap<>(permittedTargets);
        copy.put(clientId, targets);
        return new TokenExchangeSettings(maxSubjectTokenLength, copy);
    }

    /** A copy with another subject token cap. */
    public TokenExchangeSettings withMaxSubjectTokenLength(int length) {
        return new TokenExchangeSettings(length, permittedTargets);
    }

    /** The targets {@code clientId} may exchange for; empty when none. */
    public List<String> targets(String clientId) {
        return permittedTargets.getOrDefault(clientId, List.of());
    }
}
