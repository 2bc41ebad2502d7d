package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.hats.HatsCatalogWriter;
import org.skysieve.catalog.hats.HatsException;
import org.skysieve.catalog.hats.HatsWriteOptions;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.Survey;

/**
 * Imports an existing HATS catalogue (from hats-import, LSDB or skysieve) into a data folder as table
 * {@code DATA/SURVEY/TABLE}: every row and column (with its type and documentation, as {@link HatsCatalog} reads
 * them) is re-partitioned through {@link HatsCatalogWriter}, which recomputes {@code _healpix_29}; the import
 * fails unless every recomputed index equals the stored one (at the stored index's order).
 *
 * <p>The Norder, Dir and Npix columns some writers store in the files are HATS bookkeeping and are not imported.
 * If the survey exists the table is added to it (replacing one of the same name); otherwise a survey is created
 * with the catalogue's name as title and J2000 as epoch. All or nothing, as {@link Ingestor}.
 */
public final class HatsImporter {
    private static final Set<String> BOOKKEEPING = Set.of("norder", "dir", "npix");

    private HatsImporter() {
    }

    public static IngestSummary importCatalog(Path hatsDir, String surveyName, String tableName, Path dataDir, Consumer<String> progress) {
        requireNonNull(hatsDir, "hatsDir is null");
        requireNonNull(surveyName, "surveyName is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(progress, "progress is null");
        if (!surveyName.matches("[a-z][a-z0-9_]*")) {
            throw IngestException.general("Expected a survey name of lower-case letters, digits and _. Actual: '" + surveyName + "'", null);
        }
        if (!tableName.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw IngestException.general("Expected a table name of letters, digits and _. Actual: '" + tableName + "'", null);
        }
        ProgressMeter meter = new ProgressMeter(progress);
        HatsCatalog source;
        try {
            source = HatsCatalog.open(hatsDir);
        } catch (HatsException | java.io.UncheckedIOException e) {
            throw IngestException.inFile(hatsDir, "Cannot open as a HATS catalogue: " + e.getMessage(), e);
        }
        CatalogTable sourceTable = source.table();
        List<ColumnDoc> columns = sourceTable.columns().stream()
                .filter(column -> !BOOKKEEPING.contains(column.name().toLowerCase(Locale.ROOT))).toList();
        CatalogTable table = new CatalogTable(tableName, sourceTable.description().isEmpty()
                ? "Imported from the HATS catalogue " + source.name() : sourceTable.description(),
                sourceTable.raColumn(), sourceTable.decColumn(), sourceTable.idColumn(), columns);
        ArchiveLayout layout = new ArchiveLayout(dataDir.toAbsolutePath().normalize());
        try (SurveyPublisher publisher = new SurveyPublisher(layout, surveyName);
                Connection connection = DuckDbConnections.openInMemory()) {
            Ingestor.configure(connection, publisher.scratch("duckdb"));
            String files = "read_parquet(" + source.duckDbFileList() + ", hive_partitioning = false, union_by_name = true, filename = true, file_row_number = true)";
            checkPositions(connection, table, files, hatsDir);
            Path staging = publisher.scratch("staging").resolve(tableName + ".parquet");
            StringBuilder select = new StringBuilder();
            for (ColumnDoc column : columns) {
                select.append(select.length() == 0 ? "" : ", ").append("CAST(").append(Sql.identifier(column.name())).append(" AS ")
                        .append(column.type().sqlType()).append(") AS ").append(Sql.identifier(column.name()));
            }
            meter.say("reading " + source.rowCount() + " rows of " + hatsDir);
            long rows;
            try (Statement statement = connection.createStatement()) {
                QueryProgress.execute(connection, "COPY (SELECT " + select + " FROM " + files + ") TO " + Sql.literal(staging.toString())
                        + " (FORMAT parquet, COMPRESSION zstd)", "reading " + source.name(), meter);
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM read_parquet(" + Sql.literal(staging.toString()) + ")")) {
                    result.next();
                    rows = result.getLong(1);
                }
            }
            meter.fileDone(hatsDir.getFileName().toString(), rows);
            long maxRows = source.properties().get("hats_max_rows").map(Long::parseLong).orElse(HatsWriteOptions.defaults().maxRowsPerPartition());
            HatsWriteOptions defaults = HatsWriteOptions.defaults();
            Path built = publisher.builtCatalogue(tableName);
            long written = HatsCatalogWriter.write(staging, table, surveyName, new HatsWriteOptions(maxRows, defaults.highestOrder(),
                    defaults.skymapOrder()), built, (pixel, partitionRows, rowsWritten, totalRows) ->
                    meter.written(tableName, rowsWritten, totalRows));
            checkHealpix(connection, source, table, files, built);
            Survey survey = publisher.current()
                    .map(existing -> new Survey(existing.name(), existing.title(), existing.description(), existing.reference(),
                            existing.epochYear(), existing.bands(), publisher.mergedTables(List.of(table))))
                    .orElseGet(() -> new Survey(surveyName, source.name(), "Imported from the HATS catalogue " + hatsDir.toAbsolutePath(), "",
                            2000.0, List.of(), List.of(table)));
            publisher.publish(survey, List.of(tableName), false);
            return new IngestSummary(surveyName, List.of(tableName), rows, written, 0, 0, meter.elapsedNanos() / 1e9, List.of());
        } catch (SQLException e) {
            throw IngestException.inFile(hatsDir, "DuckDB failed while importing: " + CsvSource.firstLine(e.getMessage()), e);
        }
    }

    /** Every position must be finite, ra in [0, 360), dec in [-90, 90]: the first that is not is reported with its file and row. */
    private static void checkPositions(Connection connection, CatalogTable table, String files, Path hatsDir) throws SQLException {
        String ra = Sql.identifier(table.raColumn());
        String dec = Sql.identifier(table.decColumn());
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT filename, file_row_number + 1, CAST(" + ra + " AS VARCHAR), CAST(" + dec
                        + " AS VARCHAR), (" + ra + " IS NULL OR NOT isfinite(" + ra + ") OR " + ra + " < 0 OR " + ra + " >= 360) FROM " + files
                        + " WHERE " + ra + " IS NULL OR " + dec + " IS NULL OR NOT isfinite(" + ra + ") OR NOT isfinite(" + dec + ") OR "
                        + ra + " < 0 OR " + ra + " >= 360 OR " + dec + " < -90 OR " + dec + " > 90 ORDER BY filename, file_row_number LIMIT 1")) {
            if (result.next()) {
                boolean raBad = result.getBoolean(5);
                throw IngestException.atRow(Path.of(result.getString(1)), result.getLong(2), raBad ? table.raColumn() : table.decColumn(),
                        raBad ? "Expected ra in [0, 360) deg. Actual: " + result.getString(3) : "Expected dec in [-90, 90] deg. Actual: " + result.getString(4));
            }
        }
    }

    /** The recomputed index, taken to the stored index's order, must equal the stored one on every row. */
    private static void checkHealpix(Connection connection, HatsCatalog source, CatalogTable table, String files, Path built) throws SQLException {
        int shift = 2 * (29 - source.healpixOrder());
        String stored = Sql.identifier(source.healpixColumn());
        // compared on id and position: other columns may be of types that do not compare across files
        String keyColumns = String.join(", ", Sql.identifier(table.idColumn()), Sql.identifier(table.raColumn()), Sql.identifier(table.decColumn()));
        String written = "read_parquet(" + Sql.literal(built.resolve("dataset").toString() + "/**/Npix=*") + ", hive_partitioning = false)";
        String sql = "SELECT count(*) FROM ((SELECT " + keyColumns + ", " + stored + " AS h FROM " + files + " EXCEPT ALL SELECT " + keyColumns
                + ", " + HatsCatalogWriter.HEALPIX_COLUMN + " >> " + shift + " FROM " + written + ") UNION ALL (SELECT " + keyColumns + ", "
                + HatsCatalogWriter.HEALPIX_COLUMN + " >> " + shift + " FROM " + written + " EXCEPT ALL SELECT " + keyColumns + ", " + stored
                + " FROM " + files + "))";
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            long differing = result.getLong(1);
            if (differing > 0) {
                throw IngestException.inFile(source.directory(), "The recomputed " + HatsCatalogWriter.HEALPIX_COLUMN + " differs from the stored "
                        + source.healpixColumn() + " (order " + source.healpixOrder() + ") on " + differing + " rows; nothing was imported", null);
            }
        }
    }
}
