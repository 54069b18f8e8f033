/**
 * The one outbound HTTP fetcher of Lanyard ({@link dev.lanyard.discovery.fetch.SafeFetcher}): SSRF-safe address
 * checks pinned to the connection, https only, timeouts, body caps, no cross-origin redirects; and a bounded cache
 * honouring {@code Cache-Control} ({@link dev.lanyard.discovery.fetch.FetchCache}).
 */
package dev.lanyard.discovery.fetch;
