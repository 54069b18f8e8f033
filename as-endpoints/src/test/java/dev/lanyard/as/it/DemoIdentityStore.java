package dev.lanyard.as.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** One user: {@code alice} / {@code wonderland-password}, whose subject is {@code u-alice}. */
@ApplicationScoped
public class DemoIdentityStore implements IdentityStore {

    static final String USER = "alice";
    static final String PASSWORD = "wonderland-password";
    static final String SUBJECT = "u-alice";

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential c && c.getCaller().equals(USER)
                && c.getPasswordAsString().equals(PASSWORD)) {
            return new CredentialValidationResult(SUBJECT);
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
