package dev.lanyard.grants.idjag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.Scope;

/**
 * The default {@link IdJagPolicy}: a list of {@link IdJagRule}s, at most one per client and audience. Deny by
 * default:
 * <ul>
 *   <li>no rule for the client and audience: refused ({@link IdJagDecision.Reason#AUDIENCE});</li>
 *   <li>a resource the rule does not list: refused ({@link IdJagDecision.Reason#RESOURCE});</li>
 *   <li>a scope: granted as its intersection with the rule's scope; refused ({@link IdJagDecision.Reason#SCOPE})
 *       when that is empty; without a scope, the rule's whole scope;</li>
 *   <li>authorization details (RFC 9396): granted as asked when the rule allows every {@code type} asked for;
 *       refused ({@link IdJagDecision.Reason#AUTHORIZATION_DETAILS}) otherwise, since RFC 9396 §5 has an authorization
 *       server refuse a type it does not know rather than drop it; none are granted when none are asked for.</li>
 * </ul>
 * Every user of the client is treated alike; replace the policy to decide per user or group.
 */
public final class RuleListIdJagPolicy implements IdJagPolicy {

    private record Key(String clientId, String audience) {
    }

    private final Map<Key, IdJagRule> rules = new HashMap<>();

    /**
     * @param rules the rules
     * @throws IllegalArgumentException when two rules name the same client and audience
     */
    public RuleListIdJagPolicy(List<IdJagRule> rules) {
        for (IdJagRule r : rules) {
            if (this.rules.putIfAbsent(new Key(r.clientId(), r.audience()), r) != null) {
                throw new IllegalArgumentException("two rules for client " + r.clientId() + " and " + r.audience());
            }
        }
    }

    @Override
    public IdJagDecision decide(IdJagRequest request) {
        IdJagRule rule = rules.get(new Key(request.client().clientId(), request.audience()));
        if (rule == null) {
            return new IdJagDecision.Refused(IdJagDecision.Reason.AUDIENCE);
        }
        if (!rule.resources().containsAll(request.resources())) {
            return new IdJagDecision.Refused(IdJagDecision.Reason.RESOURCE);
        }
        Scope scope = request.scope().map(s -> s.intersect(rule.scope())).orElse(rule.scope());
        if (request.scope().isPresent() && scope.isEmpty()) {
            return new IdJagDecision.Refused(IdJagDecision.Reason.SCOPE);
        }
        // RFC 9396 §5: a type not allowed for this client and audience is refused, not silently dropped
        if (request.authorizationDetails().isPresent()
                && !rule.authorizationDetailTypes().containsAll(request.authorizationDetails().get().types())) {
            return new IdJagDecision.Refused(IdJagDecision.Reason.AUTHORIZATION_DETAILS);
        }
        return new IdJagDecision.Granted(rule.clientIdAtAudience(), request.resources(), scope,
                request.authorizationDetails().orElse(AuthorizationDetails.of()));
    }
}
