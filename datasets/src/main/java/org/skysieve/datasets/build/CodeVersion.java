package org.skysieve.datasets.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The code that built a dataset: the project version and, when the build knew it, the git commit (both written into
 * {@code code-version.properties} by Maven's resource filtering; a commit left unfiltered reads as unknown).
 *
 * @param version  the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit   the git commit, or empty when not known at build time
 */
public record CodeVersion(String version, Optional<String> commit) {
    public CodeVersion {
        java.util.Objects.requireNonNull(version, "version is null");
        java.util.Objects.requireNonNull(commit, "commit is null");
    }

    /** The version of the running code. */
    public static CodeVersion current() {
        Properties properties = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream("code-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read code-version.properties", e);
        }
        String version = properties.getProperty("version", "unknown");
        String commit = properties.getProperty("commit", "");
        boolean known = commit.matches("[0-9a-f]{7,40}");
        return new CodeVersion(version.startsWith("${") ? "unknown" : version,
                known ? Optional.of(commit) : Optional.empty());
    }

    /** {@code 0.1.0-SNAPSHOT (commit abc123...)} or the version alone. */
    public String text() {
        return version + commit.map(hash -> " (commit " + hash + ")").orElse("");
    }
}
