package org.skysieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdqlParseCommandTest {
    @TempDir
    Path folder;

    @Test
    void printsOneLinePerFileAndFailsWhenOneDoesNotParse() throws IOException {
        Path good = Files.writeString(folder.resolve("good.adql"), "SELECT TOP 5 ra, dec FROM deep_optical.objects");
        Path bad = Files.writeString(folder.resolve("bad.adql"), "SELECT ra\nFROM t\nWHERE ra >");
        CommandLineTest.Captured captured = CommandLineTest.capture("adql", "parse", good.toString(), bad.toString(),
                folder.resolve("absent.adql").toString());
        assertThat(captured.exitCode()).isEqualTo(1);
        assertThat(captured.out().lines()).containsExactly(
                good + ": ok",
                bad + ": error at 3:11: unexpected end of query; expected an expression",
                folder.resolve("absent.adql") + ": error: no such file");
    }

    @Test
    void exitsZeroWhenAllParse() throws IOException {
        Path good = Files.writeString(folder.resolve("good.adql"), "SELECT x FROM t");
        CommandLineTest.Captured captured = CommandLineTest.capture("adql", "parse", good.toString());
        assertThat(captured.exitCode()).isZero();
        assertThat(captured.out()).isEqualTo(good + ": ok" + System.lineSeparator());
    }
}
