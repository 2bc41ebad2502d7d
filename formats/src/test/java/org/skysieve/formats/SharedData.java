package org.skysieve.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates third-party test data (system property {@code skysieve.shared}) and tools (python3 with astropy). Absent
 * ones skip the test, except on CI ({@code CI=true}) where they fail.
 */
final class SharedData {
    private SharedData() {
    }

    static Path file(String relative) {
        String shared = System.getProperty("skysieve.shared");
        Path file = shared == null ? null : Path.of(shared, "data").resolve(relative);
        require(file != null && Files.isRegularFile(file), "shared test data " + file);
        return file;
    }

    static void require(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected " + what + " to be present on CI");
        }
        assumeTrue(present, what + " absent; skipping");
    }
}
