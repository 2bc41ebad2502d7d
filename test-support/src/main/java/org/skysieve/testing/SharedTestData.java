package org.skysieve.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the third-party test data ({@code DATA} = the folder {@code data} under the system property
 * {@code skysieve.shared}, which surefire sets to {@code ../shared} beside the checkout; SOURCES.md there). Absent
 * data skips the calling test, except on CI ({@code CI=true}) where it fails it. The one locator of every module's
 * tests (a test-scope dependency). Stateless.
 */
public final class SharedTestData {
    private SharedTestData() {
    }

    /** {@code DATA} itself, when it is a folder. */
    public static Path data() {
        String shared = System.getProperty("skysieve.shared");
        Path data = shared == null ? null : Path.of(shared, "data");
        require(data != null && Files.isDirectory(data), "shared test data at " + data + " (system property skysieve.shared)");
        return data;
    }

    /** The folder {@code DATA/relative}. */
    public static Path folder(String relative) {
        String shared = System.getProperty("skysieve.shared");
        Path folder = shared == null ? null : Path.of(shared, "data").resolve(relative);
        require(folder != null && Files.isDirectory(folder), "shared test data at " + folder
                + " (system property skysieve.shared)");
        return folder;
    }

    /** The file {@code DATA/relative}. */
    public static Path file(String relative) {
        String shared = System.getProperty("skysieve.shared");
        Path file = shared == null ? null : Path.of(shared, "data").resolve(relative);
        require(file != null && Files.isRegularFile(file), "shared test data at " + file
                + " (system property skysieve.shared)");
        return file;
    }

    /**
     * Goes on when {@code present}; otherwise fails the test on CI ("Expected WHAT") and skips it elsewhere ("WHAT
     * absent; skipping"). Also for tools the tests run (python3 with astropy, ...).
     */
    public static void require(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected " + what);
        }
        assumeTrue(present, what + " absent; skipping");
    }
}
