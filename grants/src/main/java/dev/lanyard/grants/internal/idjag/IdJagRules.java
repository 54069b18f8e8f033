package dev.lanyard.grants.internal.idjag;

import java.net.URI;

import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/** The rules the ID-JAG roles cite in their errors. */
public final class IdJagRules {

    /** ID-JAG §3.1: the claims and {@code typ} of an ID-JAG. */
    public static final SpecRef CLAIMS = SpecRef.draft(Specs.ID_JAG, "3.1");
    /** ID-JAG §4.3: the token exchange request. */
    public static final SpecRef EXCHANGE_REQUEST = Specs.ID_JAG_TOKEN_EXCHANGE;
    /** ID-JAG §4.3.3: the IdP's processing rules. */
    public static final SpecRef EXCHANGE_PROCESSING = SpecRef.draft(Specs.ID_JAG, "4.3.3");
    /** ID-JAG §4.4.1: the resource authorization server's processing rules. */
    public static final SpecRef GRANT_PROCESSING = SpecRef.draft(Specs.ID_JAG, "4.4.1");
    /** ID-JAG §8.1: confidential clients only. */
    public static final SpecRef CONFIDENTIAL_CLIENTS = SpecRef.draft(Specs.ID_JAG, "8.1");
    /** ID-JAG §8.3: no access token for an ID-JAG the server issued itself. */
    public static final SpecRef CROSS_DOMAIN = SpecRef.draft(Specs.ID_JAG, "8.3");
    /** ID-JAG §8.6: an ID-JAG with {@code cnf} needs a DPoP proof. */
    public static final SpecRef SENDER_CONSTRAINED = SpecRef.draft(Specs.ID_JAG, "8.6");
    /** RFC 8693 §2.2.2: token exchange errors ({@code invalid_request} for an invalid subject token). */
    public static final SpecRef EXCHANGE_ERRORS = SpecRef.rfc(8693, "2.2.2");
    /** RFC 9396 §5: {@code invalid_authorization_details} for unknown types and malformed details. */
    public static final SpecRef DETAILS_ERRORS = SpecRef.rfc(9396, "5");
    /** RFC 9396 §7: the token response carries the granted authorization details. */
    public static final SpecRef DETAILS_RESPONSE = SpecRef.rfc(9396, "7");
    /** The MCP enterprise-managed authorization profile: {@code resource} REQUIRED in the exchange and the ID-JAG. */
    public static final SpecRef MCP_PROFILE = new SpecRef(
            "MCP ext-auth enterprise-managed-authorization (2025-10-24)", "token exchange", URI.create(
                    "https://github.com/modelcontextprotocol/ext-auth/blob/main/specification/draft/"
                            + "enterprise-managed-authorization.mdx"));

    private IdJagRules() {
    }
}
