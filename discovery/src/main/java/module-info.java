/** Lanyard discovery: metadata documents, well-known URLs, the SSRF-safe fetcher, the client discovery chain. */
module dev.lanyard.discovery {
    requires transitive dev.lanyard.spec;
}
