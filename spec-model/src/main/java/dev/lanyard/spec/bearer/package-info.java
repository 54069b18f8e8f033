/** The Bearer authentication scheme: WWW-Authenticate challenges (RFC 6750 §3, RFC 9728 §5.1). */
package dev.lanyard.spec.bearer;
