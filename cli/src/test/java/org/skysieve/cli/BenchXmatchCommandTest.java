package org.skysieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.cli.CommandLineTest.Captured;

/**
 * {@code skysieve bench xmatch} on small catalogues: skysieve runs as a separate process, each installed peer runs on
 * the same files, and the pair sets are compared (identical, or the exit code says otherwise).
 */
class BenchXmatchCommandTest {
    @TempDir
    Path work;

    @Test
    void runsEveryToolAndComparesThePairs() {
        Captured captured = CommandLineTest.capture("bench", "xmatch", "--rows", "3000", "--work", work.toString());
        assertThat(captured.exitCode()).as(captured.out() + captured.err()).isZero();
        assertThat(captured.out()).contains("== 3000: left-3000-seed2026.fits (3,000 rows)").containsPattern("skysieve +[0-9.]+ s")
                .contains("pairs: skysieve ");
        for (String peer : new String[] {"STILTS", "astropy"}) {
            boolean ran = captured.out().contains("skysieve == " + peer + ": identical");
            boolean skipped = captured.out().contains(peer + " ") && captured.out().contains("skipped");
            assertThat(ran || skipped).as(peer + " ran and agreed, or was skipped with a message: " + captured.out()).isTrue();
            if (System.getenv("CI") != null && System.getenv("CI").equals("true")) {
                assertThat(ran).as(peer + " must run in CI (.ci/run installs it)").isTrue();
            }
        }
    }

    @Test
    void leftWithoutRightIsRefused() {
        Captured captured = CommandLineTest.capture("bench", "xmatch", "--left", work.resolve("a.fits").toString(), "--work", work.toString());
        assertThat(captured.exitCode()).isEqualTo(1);
        assertThat(captured.err()).contains("Expected --left and --right together");
    }
}
