package dev.lanyard.sample;

import java.util.Map;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import dev.lanyard.as.LocalUsers;

/**
 * The demo users, with PBKDF2-hashed passwords (the plain demo passwords are hashed at start-up, never kept):
 * {@code alice} / {@code alice-password} and {@code bob} / {@code bob-password}. Their subjects are
 * {@code u-alice} and {@code u-bob}.
 */
@ApplicationScoped
public class DemoUsers implements IdentityStore, LocalUsers {

    private static final Logger LOG = Logger.getLogger(DemoUsers.class.getName());

    @Inject
    Pbkdf2PasswordHash hash;

    private Map<String, String> hashes;

    @PostConstruct
    void init() {
        hashes = Map.of("alice", hash.generate("alice-password".toCharArray()),
                "bob", hash.generate("bob-password".toCharArray()));
        LOG.info("Demo users: alice / alice-password, bob / bob-password");
    }

    /** Whether {@code subject} is one of these users (not, say, an employee signed in at the sample's IdP). */
    @Override
    public boolean contains(String subject) {
        return hashes.keySet().stream().anyMatch(login -> subject.equals("u-" + login));
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential c) {
            String stored = hashes.get(c.getCaller());
            if (stored != null && hash.verify(c.getPassword().getValue(), stored)) {
                return new CredentialValidationResult("u-" + c.getCaller());
            }
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
