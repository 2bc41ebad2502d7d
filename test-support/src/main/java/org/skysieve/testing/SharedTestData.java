package org.skysieve.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

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
        return located("", Files::isDirectory);
    }

    /** The folder {@code DATA/relative}. */
    public static Path folder(String relative) {
        return located(relative, Files::isDirectory);
    }

    /** The file {@code DATA/relative}. */
    public static Path file(String relative) {
        return located(relative, Files::isRegularFile);
    }

    private static Path located(String relative, Predicate<Path> present) {
        String shared = System.getProperty("skysieve.shared");
        Path path = shared == null ? null : Path.of(shared, "data").resolve(relative);
        require(path != null && present.test(path), "shared test data at " + path + " (system property skysieve.shared)");
        return path;
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
