/**
 * User consent: the policy that decides when to ask ({@link dev.lanyard.as.consent.ConsentPolicy}), the store of
 * requests waiting on the consent page, and the withdrawal of a consent.
 */
package dev.lanyard.as.consent;
