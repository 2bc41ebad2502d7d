package org.skysieve.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.skysieve.catalog.duckdb.DuckDbConnections;

/**
 * Collects the generated rows in an in-memory DuckDB through appenders (the truth as one row of lists per chunk,
 * which appends an order of magnitude faster than row by row) and spills them, whenever they grow large, as
 * numbered Parquet part files under {@code <staging>/<table>/part-NNNNN.parquet}: one table per survey catalogue and
 * the three truth tables (codes instead of strings; {@link TruthFiles} turns them into the published truth).
 *
 * <p>Rows keep the order in which they were appended (insertion order is preserved). Not thread-safe.
 */
final class StagingStore implements AutoCloseable {
    static final String SOURCES = "truth_sources";
    static final String OBSERVATIONS = "truth_observations";
    static final String SPURIOUS = "truth_spurious";
    private static final long SPILL_ROWS = 4_000_000;

    private final Path stagingDir;
    private final DuckDBConnection connection;
    private final Map<String, DuckDBAppender> appenders = new LinkedHashMap<>();
    private final Map<String, Long> pendingRows = new LinkedHashMap<>();
    private final Map<String, Long> totalRows = new LinkedHashMap<>();
    private final Map<String, Long> spuriousRows = new LinkedHashMap<>();
    private final List<SurveySpec> surveys;
    private final Map<String, CatalogueSchema> schemas = new LinkedHashMap<>();
    private int partNumber;

    StagingStore(Path stagingDir, List<SurveySpec> surveys) throws SQLException {
        this.stagingDir = stagingDir;
        this.surveys = List.copyOf(surveys);
        Connection opened = DuckDbConnections.openInMemory();
        this.connection = opened.unwrap(DuckDBConnection.class);
        try (Statement statement = connection.createStatement()) {
            StringBuilder sources = new StringBuilder("CREATE TABLE " + SOURCES + " (true_id BIGINT[], class_code SMALLINT[],"
                    + " ra DOUBLE[], dec DOUBLE[], pmra FLOAT[], pmdec FLOAT[], parallax FLOAT[], redshift FLOAT[],"
                    + " half_light_radius FLOAT[], ellipticity FLOAT[], position_angle FLOAT[]");
            for (Passband band : Passband.all()) {
                sources.append(", ").append(band.truthColumn()).append(" FLOAT[]");
            }
            statement.execute(sources.append(')').toString());
            statement.execute("CREATE TABLE " + OBSERVATIONS + " (survey_code SMALLINT, true_id BIGINT[], band_code SMALLINT[],"
                    + " status_code SMALLINT[], source_id BIGINT[], maglim FLOAT[], is_primary BOOLEAN[])");
            statement.execute("CREATE TABLE " + SPURIOUS + " (survey_code SMALLINT, source_id BIGINT, ra DOUBLE, dec DOUBLE,"
                    + " band_code SMALLINT)");
            for (SurveySpec survey : surveys) {
                CatalogueSchema schema = new CatalogueSchema(survey);
                schemas.put(survey.name(), schema);
                statement.execute(schema.createTableSql(survey.name()));
            }
        }
        openAppenders();
    }

    private void openAppenders() throws SQLException {
        for (String table : tableNames()) {
            appenders.put(table, connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table));
            pendingRows.putIfAbsent(table, 0L);
            totalRows.putIfAbsent(table, 0L);
        }
    }

    private List<String> tableNames() {
        List<String> names = new ArrayList<>(List.of(SOURCES, OBSERVATIONS, SPURIOUS));
        surveys.forEach(survey -> names.add(survey.name()));
        return names;
    }

    CatalogueSchema schema(SurveySpec survey) {
        return schemas.get(survey.name());
    }

    /** Appends a chunk's true sources as one row of lists (unnested when spilled): far faster than row by row. */
    void appendSources(SourceBatch batch) throws SQLException {
        int n = batch.size();
        DuckDBAppender appender = appenders.get(SOURCES);
        short[] classCodes = new short[n];
        for (int i = 0; i < n; i++) {
            classCodes[i] = batch.sourceClass[i];
        }
        appender.beginRow();
        appender.append(Arrays.copyOf(batch.trueId, n));
        appender.append(classCodes);
        appender.append(Arrays.copyOf(batch.raDeg, n));
        appender.append(Arrays.copyOf(batch.decDeg, n));
        for (float[] column : List.of(batch.pmraMasPerYear, batch.pmdecMasPerYear, batch.parallaxMas, batch.redshift,
                batch.halfLightRadiusArcsec, batch.ellipticity, batch.positionAngleDeg)) {
            appender.append(Arrays.copyOf(column, n));
        }
        for (float[] magnitudes : batch.magnitudes) {
            appender.append(Arrays.copyOf(magnitudes, n));
        }
        appender.endRow();
        count(SOURCES, n);
    }

    /** Appends what {@code survey} made of a chunk: catalogue rows one by one, observations as one row of lists. */
    void append(SurveySpec survey, RecordingSink recording) throws SQLException {
        CatalogueSchema schema = schemas.get(survey.name());
        DuckDBAppender catalogue = appenders.get(survey.name());
        for (MeasuredRow row : recording.rows()) {
            schema.append(catalogue, row);
        }
        count(survey.name(), recording.rows().size());

        int n = recording.observationCount();
        boolean[] noRow = new boolean[n];
        long[] sourceIds = recording.sourceIds(noRow);
        DuckDBAppender observations = appenders.get(OBSERVATIONS);
        observations.beginRow();
        observations.append((short) survey.code());
        observations.append(recording.trueIds());
        observations.append(recording.bandCodes());
        observations.append(recording.statusCodes());
        observations.append(sourceIds, noRow);
        observations.append(recording.limits());
        observations.append(recording.primary());
        observations.endRow();
        count(OBSERVATIONS, n);

        DuckDBAppender spurious = appenders.get(SPURIOUS);
        for (RecordingSink.SpuriousRow row : recording.spuriousRows()) {
            spurious.beginRow();
            spurious.append((short) survey.code());
            spurious.append(row.sourceId());
            spurious.append(row.raDeg());
            spurious.append(row.decDeg());
            spurious.append((short) row.bandIndex());
            spurious.endRow();
        }
        count(SPURIOUS, recording.spuriousRows().size());
        spuriousRows.merge(survey.name(), (long) recording.spuriousRows().size(), Long::sum);
    }

    private void count(String table, long rows) {
        pendingRows.merge(table, rows, Long::sum);
        totalRows.merge(table, rows, Long::sum);
    }

    /** @return whether the tables were spilled to part files */
    boolean spillIfLarge() throws SQLException {
        long largest = pendingRows.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (largest < SPILL_ROWS) {
            return false;
        }
        spill();
        return true;
    }

    /** Writes every non-empty table to its next part file and empties it. */
    void spill() throws SQLException {
        for (DuckDBAppender appender : appenders.values()) {
            appender.close();
        }
        appenders.clear();
        try (Statement statement = connection.createStatement()) {
            for (String table : tableNames()) {
                if (pendingRows.get(table) == 0 && totalRows.get(table) > 0) {
                    continue;
                }
                Path folder = tableFolder(table);
                Files.createDirectories(folder);
                Path part = folder.resolve(String.format(Locale.ROOT, "part-%05d.parquet", partNumber));
                statement.execute("COPY (" + flatSelect(table) + ") TO '" + part + "' (FORMAT parquet, COMPRESSION snappy)");
                statement.execute("DELETE FROM " + table);
                pendingRows.put(table, 0L);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create staging folder under " + stagingDir, e);
        }
        partNumber++;
        openAppenders();
    }

    /** The rows of a staging table, with list columns unnested (zipped) and NaN turned into null. */
    private static String flatSelect(String table) {
        if (table.equals(SOURCES)) {
            StringBuilder select = new StringBuilder("SELECT unnest(true_id) AS true_id, unnest(class_code) AS class_code,"
                    + " unnest(ra) AS ra, unnest(dec) AS dec, unnest(pmra) AS pmra, unnest(pmdec) AS pmdec,"
                    + " unnest(parallax) AS parallax");
            for (String column : List.of("redshift", "half_light_radius", "ellipticity", "position_angle")) {
                select.append(", nullif(unnest(").append(column).append("), 'NaN'::FLOAT) AS ").append(column);
            }
            for (Passband band : Passband.all()) {
                select.append(", unnest(").append(band.truthColumn()).append(") AS ").append(band.truthColumn());
            }
            return select.append(" FROM ").append(table).toString();
        }
        if (table.equals(OBSERVATIONS)) {
            return "SELECT unnest(true_id) AS true_id, survey_code, unnest(band_code) AS band_code, unnest(status_code) AS status_code,"
                    + " unnest(source_id) AS source_id, nullif(unnest(maglim), 'NaN'::FLOAT) AS maglim, unnest(is_primary) AS is_primary"
                    + " FROM " + table;
        }
        return "SELECT * FROM " + table;
    }

    Path tableFolder(String table) {
        return stagingDir.resolve(table);
    }

    /** The glob of a table's part files. */
    Path parts(String table) {
        return tableFolder(table).resolve("*.parquet");
    }

    long totalRows(String table) {
        return totalRows.getOrDefault(table, 0L);
    }

    long spuriousRows(String surveyName) {
        return spuriousRows.getOrDefault(surveyName, 0L);
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        for (DuckDBAppender appender : appenders.values()) {
            appender.close();
        }
        appenders.clear();
        connection.close();
    }
}
