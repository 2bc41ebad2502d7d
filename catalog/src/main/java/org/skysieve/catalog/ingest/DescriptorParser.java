package org.skysieve.catalog.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Parses a survey descriptor file into a {@link DescriptorNode} tree that remembers lines: JSON (suffix
 * {@code .json}) with Jackson's streaming parser, anything else as YAML with snakeyaml-engine. Nulls are
 * dropped (a key whose value is null counts as absent); a key given twice is an error.
 */
final class DescriptorParser {
    private DescriptorParser() {
    }

    static DescriptorNode parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw IngestException.inFile(file, "Descriptor file not found", null);
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            DescriptorNode root = json ? parseJson(file, reader) : parseYaml(file, reader);
            root.entries();
            return root;
        } catch (IOException e) {
            throw IngestException.inFile(file, "Cannot read the descriptor: " + e.getMessage(), e);
        }
    }

    private static DescriptorNode parseYaml(Path file, Reader reader) {
        try {
            Optional<Node> root = new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeReader(reader);
            if (root.isEmpty()) {
                throw IngestException.inDescriptor(file, 1, "(top level)", "Expected a mapping of keys to values. Actual: an empty file");
            }
            DescriptorNode node = fromYaml(file, "", root.get());
            if (node == null) {
                throw IngestException.inDescriptor(file, 1, "(top level)", "Expected a mapping of keys to values. Actual: null");
            }
            return node;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw IngestException.inDescriptor(file, line, "(YAML syntax)", e.getProblem());
        } catch (YamlEngineException e) {
            throw IngestException.inDescriptor(file, 0, "(YAML syntax)", e.getMessage());
        }
    }

    private static DescriptorNode fromYaml(Path file, String path, Node node) {
        int line = node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
        if (node instanceof ScalarNode scalar) {
            return Tag.NULL.equals(scalar.getTag()) ? null : DescriptorNode.scalar(file, path, line, scalar.getValue());
        }
        if (node instanceof SequenceNode sequence) {
            List<DescriptorNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                DescriptorNode child = fromYaml(file, path + "[" + items.size() + "]", item);
                if (child != null) {
                    items.add(child);
                }
            }
            return DescriptorNode.list(file, path, line, items);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, DescriptorNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw IngestException.inDescriptor(file, line, path, "Expected keys that are plain words. Actual: a complex key");
            }
            String key = keyNode.getValue();
            String childPath = DescriptorNode.childPath(path, key);
            int keyLine = keyNode.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
            if (entries.containsKey(key)) {
                throw IngestException.inDescriptor(file, keyLine, childPath, "Key '" + key + "' is given twice");
            }
            DescriptorNode child = fromYaml(file, childPath, tuple.getValueNode());
            if (child != null) {
                entries.put(key, child);
            }
        }
        return DescriptorNode.mapping(file, path, line, entries);
    }

    private static DescriptorNode parseJson(Path file, Reader reader) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw IngestException.inDescriptor(file, 1, "(top level)", "Expected a JSON object. Actual: an empty file");
            }
            DescriptorNode root = fromJson(file, "", parser);
            if (parser.nextToken() != null) {
                throw IngestException.inDescriptor(file, parser.currentTokenLocation().getLineNr(), "(JSON syntax)",
                        "Expected the end of the file after the top-level object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw IngestException.inDescriptor(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "(JSON syntax)",
                    e.getOriginalMessage());
        }
    }

    /** Reads the value at the parser's current token (and its children). Returns null for a JSON null. */
    private static DescriptorNode fromJson(Path file, String path, JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, DescriptorNode> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    String childPath = DescriptorNode.childPath(path, key);
                    if (entries.containsKey(key)) {
                        throw IngestException.inDescriptor(file, keyLine, childPath, "Key '" + key + "' is given twice");
                    }
                    parser.nextToken();
                    DescriptorNode child = fromJson(file, childPath, parser);
                    if (child != null) {
                        entries.put(key, child);
                    }
                }
                return DescriptorNode.mapping(file, path, line, entries);
            }
            case START_ARRAY -> {
                List<DescriptorNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    DescriptorNode child = fromJson(file, path + "[" + items.size() + "]", parser);
                    if (child != null) {
                        items.add(child);
                    }
                }
                return DescriptorNode.list(file, path, line, items);
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                return DescriptorNode.scalar(file, path, line, parser.getText());
            }
        }
    }
}
