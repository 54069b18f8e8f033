/** Internal: HTTP header helpers for the discovery client. Not exported. */
package dev.lanyard.discovery.internal.http;
