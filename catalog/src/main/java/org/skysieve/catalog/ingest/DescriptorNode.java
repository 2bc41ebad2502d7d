package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One value of a parsed survey descriptor, with where it came from: the descriptor file, its key path
 * ({@code tables[0].columns.mag_r.unit}) and its 1-based line (0 when unknown). A value is a mapping (keys in
 * file order), a list, or a scalar kept as the text written.
 *
 * <p>Accessors throw {@link IngestException} naming the key path and line, with the expected and actual value.
 */
final class DescriptorNode {
    private final Path file;
    private final String path;
    private final int line;
    private final Map<String, DescriptorNode> mapping;
    private final List<DescriptorNode> list;
    private final String scalar;

    private DescriptorNode(Path file, String path, int line, Map<String, DescriptorNode> mapping, List<DescriptorNode> list, String scalar) {
        this.file = requireNonNull(file, "file is null");
        this.path = requireNonNull(path, "path is null");
        this.line = line;
        this.mapping = mapping;
        this.list = list;
        this.scalar = scalar;
    }

    static DescriptorNode mapping(Path file, String path, int line, Map<String, DescriptorNode> entries) {
        return new DescriptorNode(file, path, line, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries)), null, null);
    }

    static DescriptorNode list(Path file, String path, int line, List<DescriptorNode> items) {
        return new DescriptorNode(file, path, line, null, List.copyOf(items), null);
    }

    static DescriptorNode scalar(Path file, String path, int line, String text) {
        return new DescriptorNode(file, path, line, null, null, requireNonNull(text, "text is null"));
    }

    /** The key path of a child: {@code parent.key} or, at the top, {@code key}. */
    static String childPath(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    Path file() {
        return file;
    }

    boolean isMapping() {
        return mapping != null;
    }

    boolean isList() {
        return list != null;
    }

    IngestException error(String detail) {
        return IngestException.inDescriptor(file, line, path.isEmpty() ? "(top level)" : path, detail);
    }

    /** The entries of this mapping. */
    Map<String, DescriptorNode> entries() {
        if (mapping == null) {
            throw error("Expected a mapping of keys to values. Actual: " + describe());
        }
        return mapping;
    }

    /** The items of this list; a single value counts as a list of one. */
    List<DescriptorNode> items() {
        if (list != null) {
            return list;
        }
        if (scalar != null) {
            return List.of(this);
        }
        throw error("Expected a list. Actual: " + describe());
    }

    String text() {
        if (scalar == null) {
            throw error("Expected a single value. Actual: " + describe());
        }
        return scalar;
    }

    double number() {
        try {
            return Double.parseDouble(text().trim());
        } catch (NumberFormatException e) {
            throw error("Expected a number. Actual: '" + scalar + "'");
        }
    }

    long integer() {
        try {
            return Long.parseLong(text().trim());
        } catch (NumberFormatException e) {
            throw error("Expected an integer. Actual: '" + scalar + "'");
        }
    }

    Optional<DescriptorNode> get(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    DescriptorNode required(String key) {
        return get(key).orElseThrow(() -> IngestException.inDescriptor(file, line, childPath(path, key),
                "Missing required key '" + key + "'" + (path.isEmpty() ? "" : " in " + path)));
    }

    String requiredText(String key) {
        return required(key).text();
    }

    String text(String key, String defaultValue) {
        return get(key).map(DescriptorNode::text).orElse(defaultValue);
    }

    /** Rejects keys this mapping must not have (typos would otherwise be silently ignored). */
    void allowOnly(Set<String> keys) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, DescriptorNode> entry : entries().entrySet()) {
            if (!keys.contains(entry.getKey())) {
                unknown.add(entry.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            DescriptorNode first = entries().get(unknown.get(0));
            throw IngestException.inDescriptor(file, first.line, first.path,
                    "Unknown key '" + unknown.get(0) + "'. Expected one of " + new java.util.TreeSet<>(keys));
        }
    }

    private String describe() {
        if (mapping != null) {
            return "a mapping";
        }
        if (list != null) {
            return "a list";
        }
        return "'" + scalar + "'";
    }
}
