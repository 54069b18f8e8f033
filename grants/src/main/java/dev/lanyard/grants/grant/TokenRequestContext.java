package dev.lanyard.grants.grant;

import java.util.List;

/**
 * What a token request carries besides its form and client authentication, independent of HTTP frameworks.
 *
 * @param dpopProofs the values of every {@code DPoP} header field received, in order (RFC 9449 §4.3: exactly one is
 *                   valid; the grants that read proofs refuse several)
 */
public record TokenRequestContext(List<String> dpopProofs) {

    /** A request without any header of interest. */
    public static final TokenRequestContext NONE = new TokenRequestContext(List.of());

    public TokenRequestContext {
        dpopProofs = List.copyOf(dpopProofs);
    }

    /** Whether the request carried a {@code DPoP} header. */
    public boolean hasDpopProof() {
        return !dpopProofs.isEmpty();
    }

    /** The proofs are not shown. */
    @Override
    public String toString() {
        return "TokenRequestContext[dpopProofs=" + dpopProofs.size() + "]";
    }
}
