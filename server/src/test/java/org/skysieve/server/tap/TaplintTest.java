package org.skysieve.server.tap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.server.SkysieveServer;

/**
 * STILTS {@code taplint} (Debian package stilts) against the real server: no errors and no failures in every default
 * stage but the ObsLocTAP one (see {@link #ALL_STAGES_BUT_OBSLOC} for why). The queries run
 * through the real ADQL engine ({@link QueryEngineExecutor}), so this checks the protocol and ADQL together. The full report is written to
 * {@code target/taplint-report.txt}.
 */
class TaplintTest {
    private static final Path STILTS = Path.of("/usr/bin/stilts");
    private static final Pattern TOTALS = Pattern.compile("Totals:\\s+Errors: (\\d+); Warnings: (\\d+); Infos: (\\d+); Summaries: (\\d+); Failures: (\\d+)");

    /**
     * Every default stage except LOC. Why LOC is left out: taplint's ObsLocTAP stage (class {@code ObsLocStage}, in
     * Debian's stilts 3.4.7 and in upstream starjava alike) looks for a table named {@code ivoa.obsplan} and, when there
     * is none, reports the failure {@code F-LOC-NOTP} ("No table with name ivoa.obsplan") and stops: it does not first
     * look at the declared data models as its ObsCore stage does ({@code I-OBS-NODM}, "no ObsCore tests"). A taplint
     * F(ailure) means the validator could not run its checks, not that the service broke a rule; skysieve is no
     * observation planning service, declares no ObsLocTAP model, and publishing a fake {@code ivoa.obsplan} table to
     * silence it would be dishonest. {@link #theLeftOutStageHasNothingToCheck} proves that this is all LOC reports.
     */
    private static final String ALL_STAGES_BUT_OBSLOC = "stages=-LOC";

    @TempDir
    Path jobs;

    @Test
    void taplintFindsNoErrorsAndNoFailures() throws Exception {
        String report = taplint(ALL_STAGES_BUT_OBSLOC);
        Matcher totals = TOTALS.matcher(report);
        assertThat(totals.find()).as(report).isTrue();
        List<String> problems = report.lines().filter(line -> line.startsWith("E-") || line.startsWith("F-")).toList();
        assertThat(problems).as("taplint errors and failures").isEmpty();
        assertThat(totals.group(1)).as("errors").isEqualTo("0");
        assertThat(totals.group(5)).as("failures").isEqualTo("0");
        assertThat(report).contains("I-OBS-NODM");
    }

    @Test
    void theLeftOutStageHasNothingToCheck() throws Exception {
        String report = taplint("stages=TMV TME LOC");
        List<String> obsLoc = report.lines().filter(line -> line.matches("[EWF]-LOC-.*")).toList();
        assertThat(obsLoc).as(report).containsExactly("F-LOC-NOTP-1 No table with name ivoa.obsplan");
        assertThat(report.lines().filter(line -> line.startsWith("E-"))).as(report).isEmpty();
    }

    private String taplint(String stages) throws Exception {
        boolean present = Files.isExecutable(STILTS);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected stilts at " + STILTS + " on CI (.ci/run installs it)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "stilts absent; skipping");
        Archive archive = TinyArchive.get();
        try (QueryEngineExecutor executor = QueryEngineExecutor.open(archive, jobs);
             SkysieveServer server = SkysieveServer.start(archive, 0, TapSettings.defaults(jobs).withLimits(2000, 20000).withUploadUrls(true), executor)) {
            Process process = new ProcessBuilder(List.of(STILTS.toString(), "taplint", "tapurl=http://localhost:" + server.port() + "/tap",
                    stages, "maxrepeat=3", "truncate=400"))
                    .redirectErrorStream(true).start();
            String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("taplint-report" + (stages.contains("-LOC") ? "" : "-loc") + ".txt"), report);
            }
            return report;
        }
    }
}
