package dev.lanyard.sample.idp;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

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
 * The enterprise directory of the sample IdP: its employees, whose passwords are kept as PBKDF2 hashes only (the
 * demo passwords are hashed when the application starts). The subject an employee gets ({@code sub} of ID tokens
 * and ID-JAGs) is the directory's stable id, not the login name. As {@link LocalUsers}, it keeps users signed in at
 * the server's other application (Liberty's SSO cookie is server-wide) from being taken for employees.
 */
@ApplicationScoped
public class Employees implements IdentityStore, LocalUsers {

    /** One employee; {@code passwordHash} is the PBKDF2 hash of the password. */
    record Employee(String login, String subject, String passwordHash) {
        @Override
        public String toString() {
            return "Employee[" + login + ", " + subject + "]";
        }
    }

    /** The demo employees: login, subject, plain demo password (hashed before use). */
    static final List<List<String>> DEMO = List.of(
            List.of("carol", "emp-1001", "carol-password"),
            List.of("dave", "emp-1002", "dave-password"));

    private static final Logger LOG = Logger.getLogger(Employees.class.getName());

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private Map<String, Employee> byLogin;

    @PostConstruct
    void hashDemoPasswords() {
        byLogin = DEMO.stream()
                .map(row -> new Employee(row.get(0), row.get(1), pbkdf2.generate(row.get(2).toCharArray())))
                .collect(Collectors.toUnmodifiableMap(Employee::login, Function.identity()));
        LOG.info(() -> "Sample IdP employees: " + demoLogins());
    }

    /** The demo sign-ins, {@code login / password}, for the start-up message and the sign-in page. */
    static String demoLogins() {
        return DEMO.stream().map(row -> row.get(0) + " / " + row.get(2)).collect(Collectors.joining(", "));
    }

    /** Whether {@code subject} is an employee's (not a user signed in at another application of the server). */
    @Override
    public boolean contains(String subject) {
        return byLogin.values().stream().map(Employee::subject).anyMatch(subject::equals);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Employee employee = byLogin.get(login.getCaller());
        if (employee == null || !pbkdf2.verify(login.getPassword().getValue(), employee.passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(employee.subject());
    }
}
