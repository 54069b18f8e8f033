package dev.lanyard.sample;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import dev.lanyard.as.jaxrs.AuthorizationEndpoint;
import dev.lanyard.as.jaxrs.AuthorizationServerMetadataEndpoint;
import dev.lanyard.as.jaxrs.ConsentEndpoint;
import dev.lanyard.as.jaxrs.CorsFilter;
import dev.lanyard.as.jaxrs.IntrospectionEndpoint;
import dev.lanyard.as.jaxrs.JwksEndpoint;
import dev.lanyard.as.jaxrs.OAuthExceptionMapper;
import dev.lanyard.as.jaxrs.OpenIdConfigurationEndpoint;
import dev.lanyard.as.jaxrs.PageAssets;
import dev.lanyard.as.jaxrs.RegistrationEndpoint;
import dev.lanyard.as.jaxrs.RevocationEndpoint;
import dev.lanyard.as.jaxrs.TokenEndpoint;
import dev.lanyard.as.jaxrs.UnexpectedExceptionMapper;
import dev.lanyard.rs.jaxrs.ProtectedResourceMetadataResource;

/**
 * The sample's JAX-RS application, at the context root so that well-known URLs resolve. The classes are listed
 * because {@code web.xml} turns off annotation scanning of library jars (the MCP SDK carries a servlet annotation
 * without a URL pattern).
 */
@ApplicationPath("/")
public class SampleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                // the authorization server (as-endpoints)
                AuthorizationEndpoint.class, ConsentEndpoint.class, TokenEndpoint.class, RevocationEndpoint.class,
                IntrospectionEndpoint.class, JwksEndpoint.class, AuthorizationServerMetadataEndpoint.class,
                OpenIdConfigurationEndpoint.class, PageAssets.class, OAuthExceptionMapper.class,
                UnexpectedExceptionMapper.class,
                // CORS at the back channel (lanyard.as.cors.allowed-origins) and on the public documents
                CorsFilter.class,
                // dynamic client registration (RFC 7591), on with lanyard.as.registration.enabled
                RegistrationEndpoint.class,
                // the MCP server's protected resource metadata (rs-endpoints)
                ProtectedResourceMetadataResource.class,
                // the sample's own
                StatusResource.class);
    }
}
