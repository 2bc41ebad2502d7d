package org.skysieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.TableReader;

/**
 * {@code skysieve xmatch survey:A survey:B --status}: a survey read whole on the left keeps every row, the right survey's
 * columns are prefixed, and each band magnitude gets a status (never {@code detected} without a counterpart) and a
 * limit; status without a survey on the right is a clear error.
 */
class XmatchStatusCommandTest {
    @TempDir
    Path data;

    @Test
    void everyLeftRowSaysWhyTheRightSurveyHasNoValue() {
        CommandLineTest.Captured generated = CommandLineTest.capture("generate", "--out", data.toString(), "--scale", "tiny", "--seed", "23",
                "--no-neighbours");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        Path out = data.resolve("status.parquet");
        CommandLineTest.Captured captured = CommandLineTest.capture("xmatch", "survey:near_infrared", "survey:deep_optical", "--data",
                data.toString(), "--radius", "1arcsec", "--status", "--left-columns", "sourceid,ra,dec", "--out", out.toString());
        assertThat(captured.exitCode()).as(captured.err()).isZero();
        assertThat(captured.out()).contains("the status of 4 band measurements of deep_optical");
        LoadedTable table = TableReader.read(out);
        long leftRows = Archive.open(data).survey("near_infrared").orElseThrow().tables().get(0).rowCount();
        assertThat(table.rowCount()).isEqualTo(leftRows);
        assertThat(table.columns().stream().map(Column::name).toList()).containsExactly("sourceid", "ra", "dec", "deep_optical_id",
                "deep_optical_ra", "deep_optical_dec", "deep_optical_separation_arcsec", "deep_optical_candidates",
                "deep_optical_mag_u_status", "deep_optical_mag_u_limit", "deep_optical_mag_g_status", "deep_optical_mag_g_limit",
                "deep_optical_mag_r_status", "deep_optical_mag_r_limit", "deep_optical_mag_i_status", "deep_optical_mag_i_limit");
        Column separation = table.require("deep_optical_separation_arcsec", "separation");
        Column status = table.require("deep_optical_mag_u_status", "status");
        int unmatched = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            assertThat(status.text(row)).isIn(Set.of("detected", "undetected", "masked", "unobserved"));
            if (Double.isNaN(separation.doubleValue(row))) {
                assertThat(status.text(row)).isNotEqualTo("detected");
                unmatched++;
            }
        }
        assertThat(unmatched).isPositive().isLessThan(table.rowCount());

        CommandLineTest.Captured wrong = CommandLineTest.capture("xmatch", "survey:near_infrared", out.toString(), "--data", data.toString(),
                "--radius", "1arcsec", "--status", "--out", data.resolve("x.csv").toString());
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err()).contains("Expected RIGHT as survey:NAME[/TABLE] with --data DIR for --status");
    }
}
