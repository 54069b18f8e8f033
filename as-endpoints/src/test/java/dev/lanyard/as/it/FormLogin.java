package dev.lanyard.as.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The test application's login: a Jakarta Security form login. The authorization endpoint calls
 * {@code SecurityContext.authenticate}; the mechanism redirects to {@code /login} and, after the form posted to
 * {@code j_security_check}, back to the authorization request.
 */
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login",
        errorPage = "/login?error=1", useForwardToLogin = false))
@ApplicationScoped
public class FormLogin {
}
