/** Internal: address classification, the checking DNS resolver and the HttpClient set-up. Not exported. */
package dev.lanyard.discovery.internal.net;
