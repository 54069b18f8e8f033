/**
 * Lanyard grants: the authorization server's protocol logic without HTTP. {@link dev.lanyard.grants.GrantSettings}
 * holds the settings every part reads.
 */
package dev.lanyard.grants;
