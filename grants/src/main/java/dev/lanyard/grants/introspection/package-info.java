/** Token introspection (RFC 7662). */
package dev.lanyard.grants.introspection;
