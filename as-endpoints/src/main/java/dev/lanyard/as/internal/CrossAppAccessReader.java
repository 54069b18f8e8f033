package dev.lanyard.as.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.as.AsConfigKeys;
import dev.lanyard.as.CrossAppAccessSettings;
import dev.lanyard.grants.idjag.IdJagRule;
import dev.lanyard.grants.idjag.IdJagSettings;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.ref.Specs;

/** Reads the {@code lanyard.idp.*} and {@code lanyard.as.id-jag.*} keys into {@link CrossAppAccessSettings}. */
final class CrossAppAccessReader {

    private final ConfigReads in;

    CrossAppAccessReader(ConfigReads in) {
        this.in = in;
    }

    CrossAppAccessSettings read() {
        IdJagSettings d = IdJagSettings.defaults();
        boolean idp = in.bool(AsConfigKeys.IDP_ENABLED, false);
        boolean issuer = in.bool(AsConfigKeys.IDP_ID_JAG_ENABLED, false);
        if (issuer && !idp) {
            in.problem(AsConfigKeys.IDP_ID_JAG_ENABLED + " needs " + AsConfigKeys.IDP_ENABLED + "=true");
            issuer = false;
        }
        Duration ttl = in.duration(AsConfigKeys.IDP_ID_JAG_TTL, d.idJagLifetime());
        List<IdJagRule> rules = new ArrayList<>();
        for (String name : in.list(AsConfigKeys.IDP_ID_JAG_RULES)) {
            rule(name).ifPresent(rules::add);
        }
        if (issuer && rules.isEmpty()) {
            in.problem(AsConfigKeys.IDP_ID_JAG_RULES + " is required with " + AsConfigKeys.IDP_ID_JAG_ENABLED
                    + " (no client may get an ID-JAG otherwise)");
        }
        boolean redeemer = in.bool(AsConfigKeys.AS_ID_JAG_ENABLED, false);
        List<String> trusted = in.list(AsConfigKeys.AS_ID_JAG_TRUSTED_ISSUERS);
        if (redeemer) {
            if (!in.string(AsConfigKeys.AS_ID_JAG_ACK).map(Specs.ID_JAG::equals).orElse(false)) {
                in.problem(AsConfigKeys.AS_ID_JAG_ACK + " must be " + Specs.ID_JAG + " to enable "
                        + AsConfigKeys.AS_ID_JAG_ENABLED + " (the draft revision this server implements)");
            }
            if (trusted.isEmpty()) {
                in.problem(AsConfigKeys.AS_ID_JAG_TRUSTED_ISSUERS + " is required with "
                        + AsConfigKeys.AS_ID_JAG_ENABLED);
            }
        }
        Duration maxLifetime = in.duration(AsConfigKeys.AS_ID_JAG_MAX_LIFETIME, d.maxAssertionLifetime());
        boolean once = in.bool(AsConfigKeys.AS_ID_JAG_ONE_TIME_USE, d.oneTimeUse());
        Set<String> detailTypes = new LinkedHashSet<>(in.list(AsConfigKeys.AS_ID_JAG_AUTHORIZATION_DETAIL_TYPES));
        return new CrossAppAccessSettings(idp, issuer, rules, redeemer, trusted,
                new IdJagSettings(ttl, d.maxSubjectTokenLength(), maxLifetime, once, detailTypes));
    }

    private Optional<IdJagRule> rule(String name) {
        String p = AsConfigKeys.IDP_ID_JAG_RULE_PREFIX + name + ".";
        Optional<String> client = required(p + "client-id");
        Optional<String> audience = required(p + "audience");
        Optional<String> there = required(p + "client-id-at-audience");
        List<ResourceIndicator> resources = new ArrayList<>();
        for (String r : in.list(p + "resources")) {
            try {
                resources.add(new ResourceIndicator(r));
            } catch (IllegalArgumentException e) {
                in.problem(p + "resources holds an item that is not an absolute URI without fragment");
            }
        }
        if (resources.isEmpty()) {
            in.problem(p + "resources is required");
        }
        Scope scope = Scope.of();
        try {
            scope = in.string(p + "scope").map(s -> Scope.of(s.split("\\s+"))).orElse(Scope.of());
        } catch (IllegalArgumentException e) {
            in.problem(p + "scope holds a malformed scope token (space-separated)");
        }
        if (client.isEmpty() || audience.isEmpty() || there.isEmpty() || resources.isEmpty()) {
            return Optional.empty();
        }
        Set<String> detailTypes = new LinkedHashSet<>(in.list(p + "authorization-detail-types"));
        return Optional.of(new IdJagRule(client.get(), audience.get(), there.get(), resources, scope, detailTypes));
    }

    private Optional<String> required(String key) {
        Optional<String> v = in.string(key);
        if (v.isEmpty()) {
            in.problem(key + " is required");
        }
        return v;
    }
}
