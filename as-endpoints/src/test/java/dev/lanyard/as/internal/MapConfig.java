package dev.lanyard.as.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A MicroProfile Config over a map, for tests without a Config implementation: strings, and string arrays split on
 * commas with {@code \,} as an escaped comma (MicroProfile Config §array converters).
 */
final class MapConfig implements Config {

    private final Map<String, String> values = new LinkedHashMap<>();

    MapConfig(String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
    }

    MapConfig with(String key, String value) {
        values.put(key, value);
        return this;
    }

    MapConfig without(String key) {
        values.remove(key);
        return this;
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        String v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (type == String.class) {
            return Optional.of(type.cast(v));
        }
        if (type == String[].class) {
            return Optional.of(type.cast(split(v)));
        }
        throw new IllegalArgumentException("unsupported type " + type);
    }

    private static String[] split(String v) {
        List<String> items = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() && v.charAt(i + 1) == ',') {
                b.append(',');
                i++;
            } else if (c == ',') {
                items.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        items.add(b.toString());
        return items.stream().filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException();
    }
}
