package org.skysieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/** {@code skysieve dataset check|build}: every spec problem listed with exit code 3; a build writes a finished dataset. */
class DatasetCommandTest {
    @TempDir
    static Path sky;

    @TempDir
    Path folder;

    @BeforeAll
    static void generate() {
        SkyGenerator.generate(sky, 5L, SkyScale.TINY, message -> { });
    }

    @Test
    void checkListsEveryProblemOfAnInvalidSpec() throws Exception {
        Path spec = Files.writeString(folder.resolve("bad.yaml"), """
                name: bad
                objects: {adql: "SELECT id, ra, dec FROM deep_optical.sources"}
                features:
                  - survey: no_such_survey
                    columns: [mag_r]
                  - survey: deep_optical
                    columns: [no_such_column]
                split: {fractions: {train: 0.9, validation: 0.3, test: 0.1}}
                cutouts: {survey: deep_optical, bands: [g], size: 100000}
                """);
        CommandLineTest.Captured captured = CommandLineTest.capture("dataset", "check", spec.toString(), "--data",
                sky.toString());
        assertThat(captured.exitCode()).as(captured.err()).isEqualTo(3);
        assertThat(captured.err()).contains("no_such_survey").contains("no_such_column").contains("1.3").contains("image plates")
                .contains("100000").doesNotContain("at org.skysieve");

        CommandLineTest.Captured build = CommandLineTest.capture("dataset", "build", spec.toString(), "--data",
                sky.toString(), "--out", folder.resolve("never").toString());
        assertThat(build.exitCode()).isEqualTo(3);
        assertThat(folder.resolve("never/manifest.json")).doesNotExist();
    }

    @Test
    void buildWritesAFinishedDatasetAndRefusesAForeignFolder() throws Exception {
        Path spec = Files.writeString(folder.resolve("good.yaml"), """
                name: tiny_features
                objects: {adql: "SELECT TOP 500 id, ra, dec FROM deep_optical.sources ORDER BY id"}
                features:
                  - survey: deep_optical
                    columns: [mag_g, mag_r]
                    statuses: true
                output: {shard_rows: 200}
                """);
        CommandLineTest.Captured check = CommandLineTest.capture("dataset", "check", spec.toString(), "--data",
                sky.toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("valid");

        Path out = folder.resolve("out");
        CommandLineTest.Captured build = CommandLineTest.capture("dataset", "build", spec.toString(), "--data",
                sky.toString(), "--out", out.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.out()).contains("500 objects in 3 shard(s)");
        assertThat(build.err()).contains("plan: ").contains("shards: 3 / 3");
        assertThat(out.resolve("manifest.json")).exists();
        assertThat(out.resolve("features-0002.parquet")).exists();
        assertThat(out.resolve("README.md")).content().contains("# tiny_features");

        Path foreign = Files.createDirectories(folder.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.tex"), "mine");
        CommandLineTest.Captured refused = CommandLineTest.capture("dataset", "build", spec.toString(), "--data",
                sky.toString(), "--out", foreign.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("thesis.tex").doesNotContain("at org.skysieve");
        assertThat(foreign.resolve("manifest.json")).doesNotExist();
    }
}
