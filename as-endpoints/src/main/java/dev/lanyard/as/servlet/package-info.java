/**
 * Servlets of the authorization server: the one that hands a browser to the container's authentication mechanism
 * and back, and the pair that serves an issuer's path-inserted metadata (RFC 8414 §3.1) when the issuer is hosted
 * by another application of the same server.
 */
package dev.lanyard.as.servlet;
