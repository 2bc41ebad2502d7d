package org.skysieve.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.MissingStatus;

/**
 * Collects the generated rows in an in-memory DuckDB through appenders and spills them, whenever they grow large, as
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
            StringBuilder sources = new StringBuilder("CREATE TABLE " + SOURCES + " (true_id BIGINT, class_code UTINYINT, ra DOUBLE,"
                    + " dec DOUBLE, pmra FLOAT, pmdec FLOAT, parallax FLOAT, redshift FLOAT, half_light_radius FLOAT,"
                    + " ellipticity FLOAT, position_angle FLOAT");
            for (Passband band : Passband.all()) {
                sources.append(", ").append(band.truthColumn()).append(" FLOAT");
            }
            statement.execute(sources.append(')').toString());
            statement.execute("CREATE TABLE " + OBSERVATIONS + " (true_id BIGINT, survey_code UTINYINT, band_code UTINYINT,"
                    + " status_code UTINYINT, source_id BIGINT, maglim FLOAT, is_primary BOOLEAN)");
            statement.execute("CREATE TABLE " + SPURIOUS + " (survey_code UTINYINT, source_id BIGINT, ra DOUBLE, dec DOUBLE,"
                    + " band_code UTINYINT)");
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

    void appendSources(SourceBatch batch) throws SQLException {
        DuckDBAppender appender = appenders.get(SOURCES);
        for (int i = 0; i < batch.size(); i++) {
            appender.beginRow();
            appender.append(batch.trueId[i]);
            appender.append(batch.sourceClass[i]);
            appender.append(batch.raDeg[i]);
            appender.append(batch.decDeg[i]);
            appender.append(batch.pmraMasPerYear[i]);
            appender.append(batch.pmdecMasPerYear[i]);
            appender.append(batch.parallaxMas[i]);
            appendNullable(appender, batch.redshift[i]);
            appendNullable(appender, batch.halfLightRadiusArcsec[i]);
            appendNullable(appender, batch.ellipticity[i]);
            appendNullable(appender, batch.positionAngleDeg[i]);
            for (float[] magnitudes : batch.magnitudes) {
                appender.append(magnitudes[i]);
            }
            appender.endRow();
        }
        count(SOURCES, batch.size());
    }

    private static void appendNullable(DuckDBAppender appender, float value) throws SQLException {
        if (Float.isNaN(value)) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private void count(String table, long rows) {
        pendingRows.merge(table, rows, Long::sum);
        totalRows.merge(table, rows, Long::sum);
    }

    /** The sink that records what {@code survey} made of the sources. */
    ObservationSink sink(SurveySpec survey) {
        CatalogueSchema schema = schemas.get(survey.name());
        DuckDBAppender catalogue = appenders.get(survey.name());
        DuckDBAppender observations = appenders.get(OBSERVATIONS);
        DuckDBAppender spurious = appenders.get(SPURIOUS);
        byte surveyCode = (byte) survey.code();
        return new ObservationSink() {
            @Override
            public void catalogueRow(MeasuredRow row) throws SQLException {
                schema.append(catalogue, row);
                count(survey.name(), 1);
            }

            @Override
            public void observation(long trueId, int bandIndex, MissingStatus status, boolean inCatalogue, long sourceId,
                                    double limitMag, boolean primary) throws SQLException {
                observations.beginRow();
                observations.append(trueId);
                observations.append(surveyCode);
                observations.append((byte) bandIndex);
                observations.append((byte) status.ordinal());
                if (inCatalogue) {
                    observations.append(sourceId);
                } else {
                    observations.appendNull();
                }
                if (Double.isNaN(limitMag)) {
                    observations.appendNull();
                } else {
                    observations.append((float) limitMag);
                }
                observations.append(primary);
                observations.endRow();
                count(OBSERVATIONS, 1);
            }

            @Override
            public void spurious(long sourceId, double raDeg, double decDeg, int bandIndex) throws SQLException {
                spurious.beginRow();
                spurious.append(surveyCode);
                spurious.append(sourceId);
                spurious.append(raDeg);
                spurious.append(decDeg);
                spurious.append((byte) bandIndex);
                spurious.endRow();
                count(SPURIOUS, 1);
                spuriousRows.merge(survey.name(), 1L, Long::sum);
            }
        };
    }

    /**
     * Note on the sink above: the appenders it holds are replaced on every spill, so sinks must be fetched again
     * after {@link #spillIfLarge()} returns true.
     *
     * @return whether the tables were spilled to part files
     */
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
                statement.execute("COPY " + table + " TO '" + part + "' (FORMAT parquet, COMPRESSION snappy)");
                statement.execute("DELETE FROM " + table);
                pendingRows.put(table, 0L);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create staging folder under " + stagingDir, e);
        }
        partNumber++;
        openAppenders();
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
