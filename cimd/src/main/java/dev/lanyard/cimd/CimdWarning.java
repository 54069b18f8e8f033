package dev.lanyard.cimd;

import dev.lanyard.cimd.internal.CimdRules;
import dev.lanyard.spec.ref.SpecRef;

/**
 * Something about a valid client ID metadata document that the consent page should make visible. Warnings never
 * block a client; the text is written for the person deciding whether to approve it.
 */
public enum CimdWarning {

    /**
     * A redirect URI is on {@code localhost}, {@code 127.0.0.1} or {@code [::1]}: any program on the user's device
     * can listen there and present this client's identifier, so the name and logo prove little (MCP security
     * considerations, localhost impersonation).
     */
    LOOPBACK_REDIRECT_URI("This application receives the authorization on your own device (localhost). Any program"
            + " on your device could present itself as this application: approve only if you started it yourself.",
            CimdRules.MCP_LOCALHOST),
    /** The client identifier URL has a query component, which the draft says it SHOULD NOT have. */
    CLIENT_ID_HAS_QUERY("The address identifying this application contains a query string; check the address shown.",
            CimdRules.URL);

    private final String message;
    private final SpecRef rule;

    CimdWarning(String message, SpecRef rule) {
        this.message = message;
        this.rule = rule;
    }

    /** The text to show on the consent page. */
    public String message() {
        return message;
    }

    /** Where the concern comes from. */
    public SpecRef rule() {
        return rule;
    }
}
