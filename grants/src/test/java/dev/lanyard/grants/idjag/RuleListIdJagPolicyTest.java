package dev.lanyard.grants.idjag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.spec.core.AuthorizationDetail;
import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

class RuleListIdJagPolicyTest {

    private static final String RAS = "https://as.example.test";
    private static final ResourceIndicator RS = new ResourceIndicator("https://rs.example.test/api");
    private static final ResourceIndicator RS2 = new ResourceIndicator("https://rs2.example.test/api");
    private final RuleListIdJagPolicy policy = new RuleListIdJagPolicy(List.of(
            new IdJagRule("conf1", RAS, "conf1-at-as", List.of(RS, RS2), Scope.of("items:read", "items:write"))));

    private IdJagDecision decide(String clientId, String audience, List<ResourceIndicator> resources,
            Optional<Scope> scope) {
        var client = TestClients.registry().find(clientId).orElseThrow();
        return policy.decide(new IdJagRequest(client, "u-alice", audience, resources, scope));
    }

    @Test
    void decideWhenRuleCoversRequestThenGrantedWithClientIdAtAudience() {
        assertThat(decide("conf1", RAS, List.of(RS), Optional.of(Scope.of("items:read"))))
                .isEqualTo(new IdJagDecision.Granted("conf1-at-as", List.of(RS), Scope.of("items:read")));
    }

    @Test
    void decideWhenScopePartlyAllowedThenIntersectionInRequestOrder() {
        assertThat(decide("conf1", RAS, List.of(RS), Optional.of(Scope.of("admin", "items:write", "items:read"))))
                .isEqualTo(new IdJagDecision.Granted("conf1-at-as", List.of(RS),
                        Scope.of("items:write", "items:read")));
    }

    @Test
    void decideWhenNoScopeRequestedThenTheRulesScope() {
        assertThat(decide("conf1", RAS, List.of(RS, RS2), Optional.empty())).isEqualTo(new IdJagDecision.Granted(
                "conf1-at-as", List.of(RS, RS2), Scope.of("items:read", "items:write")));
    }

    @Test
    void decideWhenNoAllowedScopeThenRefusedForScope() {
        assertThat(decide("conf1", RAS, List.of(RS), Optional.of(Scope.of("admin"))))
                .isEqualTo(new IdJagDecision.Refused(IdJagDecision.Reason.SCOPE));
    }

    @Test
    void decideWhenAnotherClientOrAudienceThenRefusedForAudience() {
        // deny by default
        assertThat(decide("conf2", RAS, List.of(RS), Optional.empty()))
                .isEqualTo(new IdJagDecision.Refused(IdJagDecision.Reason.AUDIENCE));
        assertThat(decide("conf1", "https://admin.example.test", List.of(RS), Optional.empty()))
                .isEqualTo(new IdJagDecision.Refused(IdJagDecision.Reason.AUDIENCE));
        assertThat(decide("conf1", RAS + "/", List.of(RS), Optional.empty()))
                .isEqualTo(new IdJagDecision.Refused(IdJagDecision.Reason.AUDIENCE));
    }

    @Test
    void decideWhenOneResourceNotListedThenRefusedForResource() {
        assertThat(decide("conf1", RAS, List.of(RS, new ResourceIndicator("https://admin.example.test/api")),
                Optional.empty())).isEqualTo(new IdJagDecision.Refused(IdJagDecision.Reason.RESOURCE));
    }

    @Test
    void constructorWhenTwoRulesForOneClientAndAudienceThenRefused() {
        IdJagRule rule = new IdJagRule("conf1", RAS, "a", List.of(RS), Scope.of());
        assertThatThrownBy(() -> new RuleListIdJagPolicy(List.of(rule, rule)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdJagRule("conf1", RAS, "a", List.of(), Scope.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decideWhenAuthorizationDetailTypesAllowedThenGrantedAsAskedWithScope() {
        // ID-JAG §4.3.3: resource, scope and authorization_details processed together
        RuleListIdJagPolicy rar = new RuleListIdJagPolicy(List.of(new IdJagRule("conf1", RAS, "conf1-at-as",
                List.of(RS), Scope.of("items:read"), Set.of("chat_read", "chat_history"))));
        AuthorizationDetails asked = AuthorizationDetails.of(AuthorizationDetail.ofType("chat_read"));
        var client = TestClients.registry().find("conf1").orElseThrow();
        assertThat(rar.decide(new IdJagRequest(client, "u-alice", RAS, List.of(RS),
                Optional.of(Scope.of("items:read", "admin")), Optional.of(asked))))
                .isEqualTo(new IdJagDecision.Granted("conf1-at-as", List.of(RS), Scope.of("items:read"), asked));
        assertThat(rar.decide(new IdJagRequest(client, "u-alice", RAS, List.of(RS), Optional.empty(),
                Optional.empty()))).isEqualTo(new IdJagDecision.Granted("conf1-at-as", List.of(RS),
                        Scope.of("items:read")));
    }

    @Test
    void decideWhenAuthorizationDetailTypeNotAllowedThenRefusedForAuthorizationDetails() {
        // RFC 9396 §5: a type not known for this client and audience is refused, not dropped
        var client = TestClients.registry().find("conf1").orElseThrow();
        AuthorizationDetails asked = AuthorizationDetails.of(AuthorizationDetail.ofType("items"),
                AuthorizationDetail.ofType("payment_initiation"));
        RuleListIdJagPolicy rar = new RuleListIdJagPolicy(List.of(new IdJagRule("conf1", RAS, "conf1-at-as",
                List.of(RS), Scope.of("items:read"), Set.of("items"))));
        for (IdJagPolicy p : List.of(policy, rar)) {
            assertThat(p.decide(new IdJagRequest(client, "u-alice", RAS, List.of(RS), Optional.empty(),
                    Optional.of(asked)))).isEqualTo(new IdJagDecision.Refused(
                            IdJagDecision.Reason.AUTHORIZATION_DETAILS));
        }
    }
}
