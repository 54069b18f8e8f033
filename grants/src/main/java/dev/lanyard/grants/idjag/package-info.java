/**
 * Cross App Access with Identity Assertion JWT Authorization Grants (ID-JAG,
 * {@value dev.lanyard.spec.ref.Specs#ID_JAG}, with the MCP enterprise-managed authorization profile): the policy of
 * the IdP role ({@link dev.lanyard.grants.idjag.IdJagPolicy}), the trust of the resource authorization server role
 * ({@link dev.lanyard.grants.idjag.TrustedIdentityProviders}, {@link dev.lanyard.grants.idjag.SubjectMapper}), their
 * settings, and {@link dev.lanyard.grants.idjag.IdJagClient}, the client side of both legs. The grant handlers are
 * {@link dev.lanyard.grants.grant.TokenExchangeGrantHandler} (IdP) and
 * {@link dev.lanyard.grants.grant.JwtBearerGrantHandler} (resource authorization server).
 */
package dev.lanyard.grants.idjag;
