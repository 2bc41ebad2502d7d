package org.skysieve.server.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.skysieve.catalog.model.SurveyJson;

/**
 * The SHA-256 of each file of a finished dataset: as its {@code manifest.json} records them, and computed (once, then
 * kept while the file is unchanged) for the files the manifest cannot list: itself and the dataset card. Thread-safe.
 */
final class ManifestChecksums {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Map<String, String> computed = new ConcurrentHashMap<>();

    /** File name to SHA-256 (lower-case hex) of every file that {@code manifest} lists. */
    static Map<String, String> recorded(Path manifest) {
        JsonNode root;
        try {
            root = SurveyJson.mapper().readTree(Files.readString(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest " + manifest, e);
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        collect(root, checksums);
        return checksums;
    }

    /**
     * Collects {@code {"name"|"file"|"path": N, "sha256": H}} objects and {@code {"N": "H"}} or
     * {@code {"N": {"sha256": H}}} maps wherever they sit in the manifest.
     */
    private static void collect(JsonNode node, Map<String, String> checksums) {
        if (node.isObject()) {
            String hash = node.path("sha256").asText("");
            for (String key : new String[] {"name", "file", "path"}) {
                if (SHA256.matcher(hash).matches() && node.path(key).isTextual()) {
                    checksums.put(fileName(node.path(key).asText()), hash);
                }
            }
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isTextual() && SHA256.matcher(value.asText()).matches() && field.getKey().contains(".")) {
                    checksums.put(fileName(field.getKey()), value.asText());
                } else if (value.isObject() && SHA256.matcher(value.path("sha256").asText("")).matches()
                        && field.getKey().contains(".")) {
                    checksums.put(fileName(field.getKey()), value.path("sha256").asText());
                }
                collect(value, checksums);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, checksums));
        }
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The SHA-256 of {@code file}, computed once per size and modification time. */
    String compute(Path file) {
        try {
            String key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
            return computed.computeIfAbsent(key, ignored -> digest(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String digest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
