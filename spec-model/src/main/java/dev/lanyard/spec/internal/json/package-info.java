/** Internal JSON helpers. Not exported: do not use. */
package dev.lanyard.spec.internal.json;
