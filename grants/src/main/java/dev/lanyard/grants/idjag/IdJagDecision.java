package dev.lanyard.grants.idjag;

import java.util.List;
import java.util.Objects;

import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/** What an {@link IdJagPolicy} decided: an ID-JAG with what it grants, or a refusal. */
public sealed interface IdJagDecision permits IdJagDecision.Granted, IdJagDecision.Refused {

    /**
     * Issue an ID-JAG. The handler refuses to issue when the grant exceeds the request (a resource not asked for, a
     * scope not asked for when one was, an authorization detail not asked for): a policy may only narrow.
     *
     * @param clientIdAtAudience the client's {@code client_id} at the resource authorization server (the ID-JAG's
     *                           {@code client_id}; it may differ from its id at the IdP, §3.1)
     * @param resources          the granted resources; not empty
     * @param scope              the granted scope; may be empty
     * @param authorizationDetails the granted authorization details (RFC 9396): those asked for, or some of them
     *                           (the ID-JAG's and the response's {@code authorization_details}); may be empty
     */
    record Granted(String clientIdAtAudience, List<ResourceIndicator> resources, Scope scope,
            AuthorizationDetails authorizationDetails) implements IdJagDecision {

        /** A grant without authorization details. */
        public Granted(String clientIdAtAudience, List<ResourceIndicator> resources, Scope scope) {
            this(clientIdAtAudience, resources, scope, AuthorizationDetails.of());
        }

        public Granted {
            Objects.requireNonNull(clientIdAtAudience, "clientIdAtAudience");
            resources = List.copyOf(resources);
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(authorizationDetails, "authorizationDetails");
            if (clientIdAtAudience.isEmpty() || resources.isEmpty()) {
                throw new IllegalArgumentException("a grant names the client at the audience and a resource");
            }
        }
    }

    /**
     * Issue nothing.
     *
     * @param reason what is refused: the audience or a resource ({@code invalid_target}), every scope asked for
     *               ({@code invalid_scope}), or an authorization detail ({@code invalid_authorization_details})
     */
    record Refused(Reason reason) implements IdJagDecision {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What a refusal is about. */
    enum Reason {
        /** The client may not reach this resource authorization server. */
        AUDIENCE,
        /** The client may not reach one of the resources there. */
        RESOURCE,
        /** None of the scope asked for is allowed. */
        SCOPE,
        /** An authorization detail asked for is of a type not allowed here (RFC 9396 §5), or none is granted. */
        AUTHORIZATION_DETAILS
    }
}
