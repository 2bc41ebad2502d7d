package org.skysieve.datasets.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A cheap fingerprint of the data a plan was made from: the SHA-256 of the relative path, size and modification time of
 * every file under {@code DATA/SURVEY} for the surveys named (and of {@code DATA/truth} when present). A saved plan is
 * reused only when the fingerprint is unchanged; copying or touching the data makes the build plan again, which is
 * safe, never wrong.
 */
final class DataFingerprint {
    private DataFingerprint() {
    }

    static String of(Path dataDirectory, Collection<String> surveys) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        TreeSet<String> folders = new TreeSet<>(surveys);
        folders.add("truth");
        for (String folder : folders) {
            Path root = dataDirectory.resolve(folder);
            if (!Files.isDirectory(root)) {
                digest.update(("absent " + folder + "\n").getBytes(StandardCharsets.UTF_8));
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String line = dataDirectory.relativize(file) + " " + Files.size(file) + " "
                        + Files.getLastModifiedTime(file).toMillis() + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
