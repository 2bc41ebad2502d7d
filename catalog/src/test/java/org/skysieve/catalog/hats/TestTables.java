package org.skysieve.catalog.hats;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.FlagDictionary;

/** Documented tables and staging files for the writer tests. */
final class TestTables {
    private TestTables() {
    }

    /** The columns of lsdb's small_sky.csv. */
    static CatalogTable smallSky() {
        return new CatalogTable("small_sky", "LSDB's small test catalogue", "ra", "dec", "id", List.of(
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id;meta.main", "Source identifier"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension, ICRS"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination, ICRS"),
                ColumnDoc.of("ra_error", ColumnType.LONG, "mas", "stat.error;pos.eq.ra", "Error on ra"),
                ColumnDoc.of("dec_error", ColumnType.LONG, "mas", "stat.error;pos.eq.dec", "Error on dec")));
    }

    /** A table using every column type, a band, a null meaning and a flag dictionary, with awkward characters. */
    static CatalogTable generated() {
        FlagDictionary flags = new FlagDictionary(List.of(
                new FlagBit(0, "SATURATED", "At least one pixel reached saturation; magnitudes are lower limits."),
                new FlagBit(3, "BLENDED", "Deblended from a neighbour <2\" away & flux shared."),
                new FlagBit(63, "SPURIOUS_CANDIDATE", "Possibly an artefact ('ghost')")));
        return new CatalogTable("objects", "Generated objects for tests: \"quotes\", <tags> & 'apostrophes'", "ra", "dec", "source_id", List.of(
                ColumnDoc.of("source_id", ColumnType.LONG, "", "meta.id;meta.main", "Unique source identifier"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination"),
                ColumnDoc.of("mag_r", ColumnType.FLOAT, "mag", "phot.mag;em.opt.R", "PSF magnitude in r")
                        .withBand("r").withNullMeaning("not detected in r: see r_status"),
                ColumnDoc.of("r_status", ColumnType.SHORT, "", "meta.code", "0 detected, 1 undetected, 2 masked, 3 unobserved").withBand("r"),
                ColumnDoc.of("n_epochs", ColumnType.INT, "", "meta.number", "Number of epochs"),
                ColumnDoc.of("flags", ColumnType.LONG, "", "meta.code.qual", "Quality flags").withFlags(flags),
                ColumnDoc.of("is_star", ColumnType.BOOLEAN, "", "src.class.starGalaxy", "Classified as a star"),
                ColumnDoc.of("name", ColumnType.STRING, "", "meta.id", "Survey-style name, e.g. J123456.78+123456.7")));
    }

    /**
     * Writes {@code rows} rows of {@link #generated()} to a staging Parquet file: two thirds in a 2-degree cluster
     * around (ra, dec) = (10, 20) so that partitions of several orders appear, the rest over the whole sky.
     * Deterministic (hash-based), with a pole and ra = 0 and 360 included.
     */
    static Path writeGenerated(Path file, long rows) throws SQLException {
        String select = """
                SELECT i AS source_id,
                  CASE WHEN i = 0 THEN 0.0 WHEN i = 1 THEN 360.0 WHEN i = 2 THEN 45.0
                       WHEN i % 3 <> 0 THEN 10 + 2 * (hash(i * 2 + 1) % 1000000) / 1e6
                       ELSE 360 * (hash(i * 2 + 1) % 1000000) / 1e6 END AS ra,
                  CASE WHEN i = 0 THEN -12.5 WHEN i = 1 THEN 0.0 WHEN i = 2 THEN 90.0
                       WHEN i % 3 <> 0 THEN 20 + 2 * (hash(i * 2 + 2) % 1000000) / 1e6
                       ELSE degrees(asin(2 * (hash(i * 2 + 2) % 1000000) / 1e6 - 1)) END AS dec,
                  CASE WHEN i % 7 = 0 THEN NULL ELSE CAST(18 + (i % 100) / 10.0 AS FLOAT) END AS mag_r,
                  CAST(CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END AS SMALLINT) AS r_status,
                  CAST(i % 13 AS INTEGER) AS n_epochs,
                  CAST(CASE WHEN i % 11 = 0 THEN 9 ELSE 0 END AS BIGINT) AS flags,
                  i % 2 = 0 AS is_star,
                  'J' || lpad(CAST(i AS VARCHAR), 8, '0') AS name
                FROM range(ROWS) t(i)
                """.replace("ROWS", Long.toString(rows));
        copy(select, file);
        return file;
    }

    /** lsdb's small_sky.csv as staging Parquet (read_csv types: BIGINT and DOUBLE). */
    static Path writeSmallSky(Path csv, Path file) throws SQLException {
        copy("SELECT * FROM read_csv(" + SqlText.literal(csv.toString()) + ")", file);
        return file;
    }

    static void copy(String select, Path file) throws SQLException {
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + select + ") TO " + SqlText.literal(file.toString()) + " (FORMAT parquet)");
        }
    }
}
