package dev.lanyard.spec.error;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of reading a document: the value, or every violation found. Document parsers return this and never
 * throw on bad input.
 *
 * @param <T> the type read
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Invalid {

    /** A successful parse. */
    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    /** A failed parse with a single violation. */
    static <T> Parsed<T> invalid(Violation violation) {
        return new Invalid<>(new Violations(java.util.List.of(violation)));
    }

    /** The value, if the parse succeeded. */
    default Optional<T> toOptional() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    /** The violations; empty if the parse succeeded. */
    default Violations violations() {
        return this instanceof Invalid<T> invalid ? invalid.violations() : new Violations(java.util.List.of());
    }

    /** Whether the parse succeeded. */
    default boolean isValid() {
        return this instanceof Ok;
    }

    /** The value, or {@link InvalidDocumentException} listing every violation. */
    default T orElseThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Invalid<T> invalid -> throw new InvalidDocumentException(invalid.violations());
        };
    }

    /** The value mapped, or the same violations. */
    default <U> Parsed<U> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Invalid<T> invalid -> new Invalid<>(invalid.violations());
        };
    }

    /** The value mapped by a parse that may fail in turn. */
    default <U> Parsed<U> flatMap(Function<? super T, Parsed<U>> f) {
        return switch (this) {
            case Ok<T> ok -> f.apply(ok.value());
            case Invalid<T> invalid -> new Invalid<>(invalid.violations());
        };
    }

    /** @param value the value read */
    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param violations every rule the document breaks; never empty */
    record Invalid<T>(Violations violations) implements Parsed<T> {
        public Invalid {
            Objects.requireNonNull(violations, "violations");
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid parse names at least one violation");
            }
        }
    }
}
