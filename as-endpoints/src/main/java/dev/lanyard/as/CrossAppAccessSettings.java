package dev.lanyard.as;

import java.util.List;
import java.util.Objects;

import dev.lanyard.grants.idjag.IdJagRule;
import dev.lanyard.grants.idjag.IdJagSettings;

/**
 * The OpenID Provider and Cross App Access (ID-JAG) roles of this authorization server, read from the
 * {@code lanyard.idp.*} and {@code lanyard.as.id-jag.*} keys ({@link AsConfigKeys}).
 *
 * @param idp            {@code lanyard.idp.enabled}: ID tokens for {@code openid} in the code flow, and the metadata
 *                       also at the OpenID configuration URL
 * @param idJagIssuer    {@code lanyard.idp.id-jag.enabled}: the IdP issues ID-JAGs by token exchange (needs
 *                       {@code idp})
 * @param rules          which IdP client may get ID-JAGs for which resource authorization server
 * @param idJagRedeemer  {@code lanyard.as.id-jag.enabled}: the resource authorization server role, the JWT bearer
 *                       grant for ID-JAGs of {@code trustedIssuers}
 * @param trustedIssuers the IdPs whose ID-JAGs are accepted (their keys found through their metadata); never
 *                       published
 * @param idJag          lifetimes and one-time use of both roles
 */
public record CrossAppAccessSettings(boolean idp, boolean idJagIssuer, List<IdJagRule> rules, boolean idJagRedeemer,
        List<String> trustedIssuers, IdJagSettings idJag) {

    public CrossAppAccessSettings {
        rules = List.copyOf(rules);
        trustedIssuers = List.copyOf(trustedIssuers);
        Objects.requireNonNull(idJag, "idJag");
        if (idJagIssuer && !idp) {
            throw new IllegalArgumentException("issuing ID-JAGs needs the OpenID Provider role");
        }
    }

    /** Both roles off. */
    public static CrossAppAccessSettings disabled() {
        return new CrossAppAccessSettings(false, false, List.of(), false, List.of(), IdJagSettings.defaults());
    }
}
