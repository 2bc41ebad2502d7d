package org.skysieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command's surface: every subcommand is listed and has its own help; bad options are clear errors. */
class CommandLineTest {
    private static final List<String> SUBCOMMANDS = List.of("adql", "bench", "cutout", "dataset", "demo", "generate", "ingest", "neighbours", "query", "serve", "wcs", "xmatch");

    @Test
    void helpListsEverySubcommand() {
        String help = new CommandLine(new Main()).getUsageMessage();
        assertThat(help).contains(SUBCOMMANDS);
    }

    @Test
    void everySubcommandHasHelp() {
        for (String subcommand : SUBCOMMANDS) {
            Captured captured = capture(subcommand, "--help");
            assertThat(captured.exitCode()).as(subcommand).isZero();
            assertThat(captured.out()).as(subcommand).contains("Usage: skysieve " + subcommand).contains("--help");
        }
    }

    @Test
    void unknownScaleIsNamedInTheError() {
        Captured captured = capture("generate", "--out", "unused", "--scale", "huge");
        assertThat(captured.exitCode()).isEqualTo(1);
        assertThat(captured.err()).contains("Expected a scale among tiny, small, medium, large. Actual: huge")
                .doesNotContain("at org.skysieve");
    }

    @Test
    void unknownImageCompressionIsNamedBeforeAnythingIsGenerated() {
        Captured captured = capture("generate", "--out", "unused-compression", "--images", "--image-compression", "zip");
        assertThat(captured.exitCode()).isEqualTo(2);
        assertThat(captured.err()).contains("Expected --image-compression none or rice. Actual: 'zip'")
                .doesNotContain("at org.skysieve");
        assertThat(java.nio.file.Path.of("unused-compression")).doesNotExist();
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Captured captured = capture("serve");
        assertThat(captured.exitCode()).isEqualTo(2);
        assertThat(captured.err()).contains("--data");
    }

    @Test
    void aMemoryBudgetThatIsNeitherMegabytesNorAutoIsNamed() {
        for (String given : List.of("-5", "lots", "1e3")) {
            Captured captured = capture("serve", "--data", "unused-data", "--memory-tables-mb", given);
            assertThat(captured.exitCode()).as(given).isEqualTo(2);
            assertThat(captured.err()).contains("Expected --memory-tables-mb to be a number of MiB >= 0 or 'auto'. Actual: "
                    + given).doesNotContain("at org.skysieve");
        }
    }

    record Captured(int exitCode, String out, String err) {
    }

    static Captured capture(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exitCode = Main.run(args);
            return new Captured(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
