/** Metadata documents: RFC 8414, RFC 9728, RFC 7591 client metadata, and well-known URL construction. */
package dev.lanyard.spec.metadata;
