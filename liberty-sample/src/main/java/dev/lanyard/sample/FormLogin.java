package dev.lanyard.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The sample's sign-in: a Jakarta Security form login (any enterprise mechanism can replace it). The authorization
 * endpoint asks the container to authenticate; this mechanism shows {@code /login} and returns to the request.
 */
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login",
        errorPage = "/login?error=1", useForwardToLogin = false))
@ApplicationScoped
public class FormLogin {
}
