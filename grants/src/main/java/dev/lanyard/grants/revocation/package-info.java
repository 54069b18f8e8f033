/** Token revocation (RFC 7009). */
package dev.lanyard.grants.revocation;
