/** Lanyard CIMD: Client ID Metadata Documents. */
module dev.lanyard.cimd {
    requires transitive dev.lanyard.spec;
    requires dev.lanyard.discovery;
}
