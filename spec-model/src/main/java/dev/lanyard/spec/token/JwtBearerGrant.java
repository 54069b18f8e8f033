package dev.lanyard.spec.token;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.ref.Specs;

/**
 * The JWT bearer authorization grant's token request (RFC 7523 §2.1, RFC 7521 §4.1), also the way an ID-JAG is
 * presented to a resource authorization server ({@value Specs#ID_JAG} §4.4).
 *
 * <p>Only the shape is read here: the assertion's signature, issuer, audience and lifetime are checked by the grant
 * handler.
 *
 * @param assertion {@code assertion}, REQUIRED: a single JWT, at most {@link TokenRequest#MAX_ASSERTION_LENGTH}
 *                  characters
 * @param scope     {@code scope}, OPTIONAL
 * @param resources {@code resource} values (RFC 8707 §2.2), in order; empty if none
 * @param authorizationDetails {@code authorization_details} (RFC 9396 §6), OPTIONAL: what of the assertion's grant
 *                  the client asks for; never empty when present
 */
public record JwtBearerGrant(String assertion, Optional<Scope> scope, List<ResourceIndicator> resources,
        Optional<AuthorizationDetails> authorizationDetails) implements TokenRequest {

    /** A request without {@code authorization_details}. */
    public JwtBearerGrant(String assertion, Optional<Scope> scope, List<ResourceIndicator> resources) {
        this(assertion, scope, resources, Optional.empty());
    }

    public JwtBearerGrant {
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(scope, "scope");
        resources = List.copyOf(resources);
        GrantParameters.checkToken("assertion", assertion, MAX_ASSERTION_LENGTH);
        GrantParameters.checkScope(scope);
        Objects.requireNonNull(authorizationDetails, "authorizationDetails");
        GrantParameters.checkDetails(authorizationDetails);
    }

    static JwtBearerGrant parse(FormParameters p) {
        String assertion = GrantParameters.require(p, "assertion", MAX_ASSERTION_LENGTH, Specs.RFC7523_GRANT);
        Optional<Scope> scope = Scope.parseOptional(p.get("scope"));
        // RFC 9396 §6: authorization_details in a token request, a JSON string holding an array
        Optional<AuthorizationDetails> details = AuthorizationDetails.parseOptional(p.get("authorization_details"));
        return new JwtBearerGrant(assertion, scope, GrantParameters.resources(p), details);
    }

    @Override
    public GrantType grantType() {
        return GrantType.JWT_BEARER;
    }

    @Override
    public FormParameters toForm() {
        return FormParameters.builder()
                .add("grant_type", grantType().value())
                .add("assertion", assertion)
                .add("scope", scope)
                .addAll("resource", resources)
                .add("authorization_details", authorizationDetails)
                .build();
    }

    /** The assertion is not shown. */
    @Override
    public String toString() {
        return "JwtBearerGrant[scope=" + scope + ", resources=" + resources + ", authorizationDetails="
                + authorizationDetails + "]";
    }
}
