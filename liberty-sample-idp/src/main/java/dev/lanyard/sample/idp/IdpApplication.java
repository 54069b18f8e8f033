package dev.lanyard.sample.idp;

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
import dev.lanyard.as.jaxrs.RevocationEndpoint;
import dev.lanyard.as.jaxrs.TokenEndpoint;
import dev.lanyard.as.jaxrs.UnexpectedExceptionMapper;

/**
 * The enterprise IdP's endpoints (as-endpoints as an OpenID Provider issuing ID-JAGs), at this application's context
 * root {@code /idp}, which is the issuer's path: {@code <base>/idp/authorize}, {@code /idp/token}, {@code /idp/jwks}
 * and {@code /idp/.well-known/openid-configuration} (OpenID Connect Discovery 1.0 §4, appended form). The
 * RFC 8414 §3.1 inserted forms live outside {@code /idp}: the root application forwards them here.
 */
@ApplicationPath("/")
public class IdpApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AuthorizationEndpoint.class, ConsentEndpoint.class, TokenEndpoint.class,
                RevocationEndpoint.class, IntrospectionEndpoint.class, JwksEndpoint.class,
                AuthorizationServerMetadataEndpoint.class, OpenIdConfigurationEndpoint.class, PageAssets.class,
                OAuthExceptionMapper.class, UnexpectedExceptionMapper.class, CorsFilter.class);
    }
}
