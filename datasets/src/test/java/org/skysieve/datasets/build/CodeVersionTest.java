package org.skysieve.datasets.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The commit the build recorded (Maven runs {@code git rev-parse HEAD} when it processes the resources) is the commit
 * of the checkout the tests run in, and is known exactly when there is one; outside a git checkout it is unknown.
 */
class CodeVersionTest {
    @Test
    void theRecordedCommitIsTheCheckoutsHead() throws Exception {
        CodeVersion current = CodeVersion.current();
        assertThat(current.version()).isNotBlank().isNotEqualTo("unknown").doesNotStartWith("${");
        assertThat(current.commit()).isEqualTo(gitHead());
        assertThat(current.text()).isEqualTo(current.version()
                + current.commit().map(commit -> " (commit " + commit + ")").orElse(""));
    }

    /** {@code git rev-parse HEAD} in the working folder (the module's), or empty outside a checkout or without git. */
    static Optional<String> gitHead() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(false).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            git.getErrorStream().readAllBytes();
            if (!git.waitFor(5, TimeUnit.MINUTES) || git.exitValue() != 0 || !out.matches("[0-9a-f]{40}")) {
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty(); // no git
        }
    }
}
