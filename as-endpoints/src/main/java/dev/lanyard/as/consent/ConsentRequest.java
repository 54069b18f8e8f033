package dev.lanyard.as.consent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * What a user is asked to let a client have, at the authorization endpoint, once the request is validated and the
 * user authenticated.
 *
 * @param client      the client
 * @param subject     the user
 * @param redirectUri the validated redirect URI the answer goes to
 * @param scope       the scope the client will get
 * @param resources   the resources its tokens will be for
 * @param prompt      the {@code prompt} parameter, when sent ({@code none}, {@code consent}, ...)
 */
public record ConsentRequest(RegisteredClient client, String subject, String redirectUri, Scope scope,
        List<ResourceIndicator> resources, Optional<String> prompt) {

    public ConsentRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scope, "scope");
        resources = List.copyOf(resources);
        Objects.requireNonNull(prompt, "prompt");
    }

    /** Whether {@code prompt} lists {@code value} (a space-delimited list, OpenID Connect Core §3.1.2.1). */
    public boolean prompts(String value) {
        return prompt.map(p -> List.of(p.split(" ")).contains(value)).orElse(false);
    }
}
