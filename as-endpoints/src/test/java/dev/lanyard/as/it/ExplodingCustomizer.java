package dev.lanyard.as.it;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lanyard.grants.token.TokenContext;
import dev.lanyard.grants.token.TokenCustomizer;

/** A token customizer that fails for the client {@code boom}: an unexpected error inside the token endpoint. */
@ApplicationScoped
public class ExplodingCustomizer implements TokenCustomizer {

    static final String SECRET_DETAIL = "internal-detail-that-must-not-leak";

    @Override
    public void customize(TokenContext context) {
        if (context.content().clientId().equals("boom")) {
            throw new IllegalStateException(SECRET_DETAIL);
        }
    }
}
