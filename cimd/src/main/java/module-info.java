/**
 * Lanyard CIMD: Client ID Metadata Documents (URL rules, SSRF-safe fetch through discovery's fetcher, validation,
 * cache, trust policy), and the request validation of dynamic client registration.
 */
module dev.lanyard.cimd {
    requires transitive dev.lanyard.spec;
    requires transitive dev.lanyard.discovery;

    exports dev.lanyard.cimd;
    exports dev.lanyard.cimd.dcr;
}
