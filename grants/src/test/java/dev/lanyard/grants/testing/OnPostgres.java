package dev.lanyard.grants.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Marks the PostgreSQL variant of a test (on {@link TestDatabase.Kind#POSTGRESQL}). It runs by default and fails
 * when PostgreSQL cannot be reached; {@code -Dlanyard.test.postgres=off} skips it, and says so in the report.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@DisabledIfSystemProperty(named = "lanyard.test.postgres", matches = "off",
        disabledReason = "PostgreSQL variants skipped by -Dlanyard.test.postgres=off")
public @interface OnPostgres {
}
