package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The key/value text files of a HATS catalogue ({@code hats.properties}, the legacy {@code properties},
 * {@code collection.properties}), in the order they were written.
 *
 * <p>Values are written verbatim as {@code key=value} lines (as hats writes them, without the colon escaping of
 * {@link Properties#store}); they are read with {@link Properties#load}, which accepts both forms. Immutable.
 */
public record HatsProperties(String comment, Map<String, String> values) {
    public static final String FILE_NAME = "hats.properties";
    public static final String LEGACY_FILE_NAME = "properties";
    public static final String COLLECTION_FILE_NAME = "collection.properties";

    public HatsProperties {
        requireNonNull(comment, "comment is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getKey().isBlank() || entry.getKey().matches(".*[\\s=:#!].*")) {
                throw new IllegalArgumentException("Expected a property key without blanks or = : # !. Actual: '" + entry.getKey() + "'");
            }
            if (entry.getValue().contains("\n") || entry.getValue().contains("\r") || entry.getValue().contains("\\")) {
                throw new IllegalArgumentException("Expected a single-line value without backslashes for " + entry.getKey() + ". Actual: " + entry.getValue());
            }
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of {@code key}; fails naming the file's folder when it is absent. */
    public String require(String key, Path where) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new HatsException("Expected property " + key + " in " + where + ". Actual: absent");
        }
        return value.trim();
    }

    public static HatsProperties read(Path file) {
        List<String> lines;
        Properties properties = new Properties();
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            properties.load(new StringReader(String.join("\n", lines)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String comment = !lines.isEmpty() && lines.get(0).startsWith("#") ? lines.get(0).substring(1).trim() : "";
        // Keep the file's order of keys, so that a copy reads like the original.
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!")) {
                String key = trimmed.split("[=:\\s]", 2)[0];
                if (properties.containsKey(key)) {
                    ordered.put(key, properties.getProperty(key).trim());
                }
            }
        }
        for (String key : properties.stringPropertyNames()) {
            ordered.putIfAbsent(key, properties.getProperty(key).trim());
        }
        return new HatsProperties(comment, ordered);
    }

    /** The integer value of {@code key}, or {@code otherwise} when absent; fails naming the file when it is not an integer. */
    public long longValue(String key, long otherwise, Path where) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new HatsException("Expected an integer for " + key + " in " + where + ". Actual: " + value, e);
        }
    }

    public void write(Path file) {
        StringBuilder text = new StringBuilder();
        if (!comment.isEmpty()) {
            text.append('#').append(comment).append('\n');
        }
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
