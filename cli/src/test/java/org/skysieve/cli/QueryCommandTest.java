package org.skysieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

class QueryCommandTest {
    @TempDir
    static Path sky;

    @BeforeAll
    static void generate() {
        SkyGenerator.generate(sky, 3L, SkyScale.TINY, message -> { });
    }

    @Test
    void writesCsvWithAHeaderAndSignalsACutResult() {
        CommandLineTest.Captured captured = CommandLineTest.capture("query", "--data", sky.toString(), "--maxrec", "3",
                "SELECT id, ra, name FROM deep_optical.sources ORDER BY id");
        assertThat(captured.exitCode()).isZero();
        List<String> lines = captured.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("id,ra,name");
        assertThat(lines.get(1)).matches("\\d+,-?[0-9.E-]+,.*");
        assertThat(captured.err()).contains("more than 3 rows");
    }

    @Test
    void anAdqlErrorIsOneLineWithLineAndColumn() {
        CommandLineTest.Captured captured = CommandLineTest.capture("query", "--data", sky.toString(),
                "SELECT id, magnitude FROM deep_optical.sources");
        assertThat(captured.exitCode()).isEqualTo(1);
        assertThat(captured.err()).startsWith("skysieve query: error at 1:12: unknown column magnitude").doesNotContain("at org.");
    }
}
