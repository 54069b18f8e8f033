package dev.lanyard.cimd.internal;

import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/** The sections of the CIMD draft and of MCP that the checks of this module cite. Internal. */
public final class CimdRules {

    /** CIMD §3: the client identifier URL (https, a path, no dot segments, fragment or userinfo). */
    public static final SpecRef URL = SpecRef.draft(Specs.CIMD, "3");
    /** CIMD §4: the document; {@code client_id} equals the URL fetched, by simple string comparison. */
    public static final SpecRef DOCUMENT = SpecRef.draft(Specs.CIMD, "4");
    /** CIMD §4.1: no shared-secret authentication, no {@code client_secret}, no private key material. */
    public static final SpecRef FORBIDDEN = SpecRef.draft(Specs.CIMD, "4.1");
    /** CIMD §4.2: redirect URIs are registered by the document and matched exactly. */
    public static final SpecRef REDIRECT_URIS = SpecRef.draft(Specs.CIMD, "4.2");
    /** CIMD §5: fetching; only 200 is success, redirects are not followed. */
    public static final SpecRef FETCH = SpecRef.draft(Specs.CIMD, "5");
    /** CIMD §5.2: caching; errors and invalid documents are never cached. */
    public static final SpecRef CACHE = SpecRef.draft(Specs.CIMD, "5.2");
    /** CIMD §8.2: key pairs in the document make the client confidential ({@code private_key_jwt}). */
    public static final SpecRef CLIENT_AUTHENTICATION = SpecRef.draft(Specs.CIMD, "8.2");
    /** CIMD §8.6: no fetch of the document or of URLs in it that resolve to special-use addresses. */
    public static final SpecRef SSRF = SpecRef.draft(Specs.CIMD, "8.6");
    /** CIMD §8.7: the response size is limited (5 KB recommended). */
    public static final SpecRef SIZE = SpecRef.draft(Specs.CIMD, "8.7");
    /** CIMD §8.9: domain trust policies. */
    public static final SpecRef DOMAIN_TRUST = SpecRef.draft(Specs.CIMD, "8.9");
    /** MCP client registration, for authorization servers: the document has client_id, client_name, redirect_uris. */
    public static final SpecRef MCP_DOCUMENT = SpecRef.mcp(Specs.MCP, "authorization/client-registration",
            "For Authorization Servers");
    /** MCP security considerations: localhost redirect URIs of CIMD clients deserve a warning. */
    public static final SpecRef MCP_LOCALHOST = SpecRef.mcp(Specs.MCP, "authorization/security-considerations",
            "CIMD Security");
    /** RFC 7591 §2: client metadata. */
    public static final SpecRef METADATA = Specs.RFC7591_METADATA;

    private CimdRules() {
    }
}
