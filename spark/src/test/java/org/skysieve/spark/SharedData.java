package org.skysieve.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the third-party test data (system property {@code skysieve.shared}, set by surefire). Absent data skips the
 * test, except on CI ({@code CI=true}) where it fails.
 */
final class SharedData {
    private SharedData() {
    }

    static Path folder(String relative) {
        String shared = System.getProperty("skysieve.shared");
        Path folder = shared == null ? null : Path.of(shared, "data").resolve(relative);
        boolean present = folder != null && Files.isDirectory(folder);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected shared test data at " + folder + " (system property skysieve.shared)");
        }
        assumeTrue(present, "shared test data absent (" + folder + "); skipping");
        return folder;
    }
}
