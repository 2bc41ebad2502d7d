package org.skysieve.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.duckdb.DuckDbConnections;

class DeterminismTest {
    @TempDir
    Path temp;

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOtherRows() throws SQLException, IOException {
        TinySky first = TinySky.get();
        Path again = temp.resolve("again");
        Path other = temp.resolve("other");
        SkyGenerator.generate(again, TinySky.SEED, SkyScale.TINY, message -> { });
        SkyGenerator.generate(other, TinySky.SEED + 1, SkyScale.TINY, message -> { });

        ArchiveLayout firstLayout = new ArchiveLayout(first.root);
        ArchiveLayout againLayout = new ArchiveLayout(again);
        ArchiveLayout otherLayout = new ArchiveLayout(other);
        try (Connection db = DuckDbConnections.openInMemory()) {
            for (SurveySpec survey : Surveys.all()) {
                String a = catalogue(firstLayout, survey);
                String b = catalogue(againLayout, survey);
                assertThat(differences(db, a, b)).as(survey.name()).isZero();
                assertThat(count(db, a)).as(survey.name()).isPositive();
                assertThat(differences(db, a, catalogue(otherLayout, survey))).as(survey.name()).isPositive();
            }
            assertThat(differences(db, parquet(firstLayout.truthSources()), parquet(againLayout.truthSources()))).isZero();
            assertThat(differences(db, parquet(firstLayout.truthObservations()), parquet(againLayout.truthObservations()))).isZero();
            assertThat(differences(db, parquet(firstLayout.truthSources()), parquet(otherLayout.truthSources()))).isPositive();
        }
        assertThat(Files.readAllBytes(againLayout.truthSources())).isEqualTo(Files.readAllBytes(firstLayout.truthSources()));
        assertThat(Files.readString(againLayout.footprintFolder("deep_optical").resolve("footprint.json")))
                .isEqualTo(Files.readString(firstLayout.footprintFolder("deep_optical").resolve("footprint.json")));
    }

    @Test
    void anOutputThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SkyGenerator.generate(file, 1, SkyScale.TINY, message -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Expected the output to be a folder");
    }

    private static String catalogue(ArchiveLayout layout, SurveySpec survey) {
        return "read_parquet('" + layout.catalogueFolder(survey.name(), survey.tableName())
                + "/dataset/Norder=*/Dir=*/Npix=*.parquet', hive_partitioning = false)";
    }

    private static String parquet(Path file) {
        return "read_parquet('" + file + "')";
    }

    /** Rows of a missing from b plus rows of b missing from a (multiset difference). */
    private static long differences(Connection db, String a, String b) throws SQLException {
        return count(db, "(SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ")")
                + count(db, "(SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")");
    }

    private static long count(Connection db, String relation) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + relation)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
