/** Lanyard grants: the authorization server's protocol logic, without HTTP. */
module dev.lanyard.grants {
    requires transitive dev.lanyard.spec;
    requires dev.lanyard.cimd;
}
