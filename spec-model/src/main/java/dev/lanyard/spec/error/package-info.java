/** OAuth errors on the wire, the protocol exception, and collected document violations. */
package dev.lanyard.spec.error;
