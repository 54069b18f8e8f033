package dev.lanyard.rs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Protects a JAX-RS resource class or method with bearer tokens: requests need a valid access token for this
 * resource (RFC 6750 §2.1, RFC 9068 §4, RFC 8707 §2), and the scopes of {@link RequiredScopes}.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BearerTokenRequired {
}
