package dev.lanyard.rs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes an operation needs. A token lacking one of them (after the application's {@link ScopeHierarchy} is
 * applied) gets 403 {@code insufficient_scope} naming every scope the operation needs (RFC 6750 §3.1; MCP
 * 2026-07-28 step-up). On a method it replaces the class's value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiredScopes {

    /** The scope tokens needed. */
    String[] value();
}
