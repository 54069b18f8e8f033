/** Lanyard as-endpoints: JAX-RS endpoints of the authorization server. */
module dev.lanyard.as {
    requires dev.lanyard.grants;
    requires dev.lanyard.discovery;
}
