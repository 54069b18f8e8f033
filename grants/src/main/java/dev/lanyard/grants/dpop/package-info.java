/**
 * DPoP (RFC 9449) proofs at the token endpoint, as Cross App Access uses them
 * ({@value dev.lanyard.spec.ref.Specs#ID_JAG} §8.6): the server-side check of a proof and its key's thumbprint, and
 * a client-side key that signs proofs.
 */
package dev.lanyard.grants.dpop;
