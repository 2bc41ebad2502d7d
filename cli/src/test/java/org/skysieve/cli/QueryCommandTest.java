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
    void everyFormatWritesTheSameRowsThroughTheFormatsModule() throws Exception {
        String adql = "SELECT TOP 5 id, ra, name FROM deep_optical.sources ORDER BY id";
        String csv = CommandLineTest.capture("query", "--data", sky.toString(), "--format", "csv", adql).out();
        String tsv = CommandLineTest.capture("query", "--data", sky.toString(), "--format", "tsv", adql).out();
        assertThat(tsv.lines().toList()).hasSize(6);
        assertThat(tsv.lines().map(line -> line.split("\t")[0]).toList()).isEqualTo(csv.lines().map(line -> line.split(",")[0]).toList());
        CommandLineTest.Captured votable = CommandLineTest.capture("query", "--data", sky.toString(), "--format", "votable/td",
                "--maxrec", "3", adql);
        assertThat(votable.out()).contains("<TABLEDATA>").contains("name=\"QUERY_STATUS\" value=\"OVERFLOW\"")
                .contains(csv.lines().toList().get(3).split(",")[0]);
        assertThat(CommandLineTest.capture("query", "--data", sky.toString(), "--format", "votable", adql).out()).contains("<BINARY2>");
        assertThat(CommandLineTest.capture("query", "--data", sky.toString(), "--format", "fits", adql).out()).startsWith("SIMPLE  =");
        assertThat(CommandLineTest.capture("query", "--data", sky.toString(), "--format", "parquet", adql).out()).startsWith("PAR1");
        CommandLineTest.Captured wrong = CommandLineTest.capture("query", "--data", sky.toString(), "--format", "excel", adql);
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("--format").contains("excel");
    }

    @Test
    void anAdqlErrorIsOneLineWithLineAndColumn() {
        CommandLineTest.Captured captured = CommandLineTest.capture("query", "--data", sky.toString(),
                "SELECT id, magnitude FROM deep_optical.sources");
        assertThat(captured.exitCode()).isEqualTo(1);
        assertThat(captured.err()).startsWith("skysieve query: error at 1:12: unknown column magnitude").doesNotContain("at org.");
    }
}
