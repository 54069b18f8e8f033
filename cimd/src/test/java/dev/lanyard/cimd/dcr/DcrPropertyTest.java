package dev.lanyard.cimd.dcr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.cimd.testing.Fuzz;
import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

/** Seeded random and mutated registration requests: only the documented errors, and what passes keeps the rules. */
class DcrPropertyTest {

    private static final Set<String> CODES = Set.of("invalid_request", "invalid_redirect_uri",
            "invalid_client_metadata");

    @Test
    void validateWhenFuzzedThenOnlyRegistrationErrorsAndAcceptedOnesFollowTheRules() {
        List<String> seeds = List.of(RegistrationValidatorTest.RFC7591_REQUEST,
                "{\"client_name\":\"CLI\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],"
                        + "\"token_endpoint_auth_method\":\"none\",\"application_type\":\"native\"}",
                "{\"redirect_uris\":[\"com.example.app:/cb\"],\"grant_types\":[\"authorization_code\","
                        + "\"refresh_token\"],\"response_types\":[\"code\"]}");
        RegistrationValidator validator = RegistrationValidator.create();
        int accepted = 0;
        for (String body : Fuzz.of(97531, 12_000, seeds)) {
            RegistrationRequest r;
            try {
                r = validator.validate(Optional.of("application/json"), body);
            } catch (OAuthException e) {
                assertThat(e.error().code()).isIn(CODES);
                assertThat(OAuthError.isErrorText(e.error().description().orElseThrow())).isTrue();
                continue;
            }
            accepted++;
            assertThat(r.metadata().clientId()).isEmpty();
            assertThat(r.metadata().extensions()).doesNotContainKeys("client_secret", "registration_access_token");
            r.redirectUris().forEach(
                    u -> assertThat(RedirectUri.validateForRegistration(u.value()).isEmpty()).isTrue());
            assertThat(r.applicationType()).isIn("web", "native");
        }
        assertThat(accepted).isGreaterThan(1_000);
    }
}
