/** Internal: HTTP freshness rules for the fetch cache. Not exported. */
package dev.lanyard.discovery.internal.cache;
