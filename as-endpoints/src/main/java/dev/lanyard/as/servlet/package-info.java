/** The servlet that hands a browser to the container's authentication mechanism and back. */
package dev.lanyard.as.servlet;
