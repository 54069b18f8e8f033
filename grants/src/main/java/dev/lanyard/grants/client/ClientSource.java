package dev.lanyard.grants.client;

/** Where the authorization server learnt about a client; decides how far its metadata is trusted. */
public enum ClientSource {
    /** Configured by the operator. */
    CONFIGURED,
    /** A Client ID Metadata Document: the {@code client_id} is an https URL the server fetched. */
    CIMD,
    /** Dynamic client registration (RFC 7591). */
    DCR
}
