package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.skysieve.catalog.model.CatalogTable;

/**
 * Reads the input files of one table, checks every row, applies the table's bad-row policy and writes the
 * rows to publish into one staging Parquet file holding exactly the documented columns (ra/dec in degrees).
 *
 * <p>Checks: each value converts to its documented type (and unit); ra is finite and in [0, 360), dec finite and
 * in [-90, 90]; the id is present and unique over all the table's files. Uses the given connection, from one thread.
 */
final class TableStager {
    private static final int SAMPLE_SIZE = 20;

    /**
     * What staging one table gave.
     *
     * @param problemSamples the first problems (file, row, column, message) in input order, at most 20
     */
    record Result(CatalogTable table, Path stagingFile, long rowsRead, long rowsWritten, long rowsRejected, long rowsFlagged,
            List<String> problemSamples) {
        Result {
            requireNonNull(table, "table is null");
            requireNonNull(stagingFile, "stagingFile is null");
            problemSamples = List.copyOf(problemSamples);
        }
    }

    private TableStager() {
    }

    static Result stage(Connection connection, TableDescriptor table, Path stagingFile, ProgressMeter progress) throws SQLException {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(table.columns().stream().map(ColumnMapping::sourceColumn).toList()));
        List<LoadedSource> sources = new ArrayList<>();
        List<RowProblem> malformed = new ArrayList<>();
        for (Path file : table.files()) {
            String relationName = "raw_" + table.name() + "_" + sources.size();
            LoadedSource source = load(connection, file, table.format().resolve(file), relationName, wanted, progress);
            if (table.badRows() == BadRowPolicy.REJECT && !source.malformedRows().isEmpty()) {
                throw source.malformedRows().get(0).toException();
            }
            malformed.addAll(source.malformedRows());
            sources.add(source);
        }
        CheckedRows checked = CheckedRows.build(connection, table, sources, "checked_" + table.name(), progress);
        try (Statement statement = connection.createStatement()) {
            long rowsRead = malformed.size() + sources.stream().mapToLong(LoadedSource::rowsRead).sum();
            List<RowProblem> problems = checked.firstProblems(SAMPLE_SIZE);
            if (table.badRows() == BadRowPolicy.REJECT && !problems.isEmpty()) {
                throw problems.get(0).toException();
            }
            List<String> samples = new ArrayList<>();
            malformed.stream().limit(SAMPLE_SIZE).forEach(problem -> samples.add(problem.message()));
            problems.stream().limit(SAMPLE_SIZE - samples.size()).forEach(problem -> samples.add(problem.message()));

            String keep = table.badRows() == BadRowPolicy.FLAG ? "NOT position_bad" : "NOT (any_problem OR duplicate)";
            long written;
            long flagged = 0;
            try (ResultSet result = statement.executeQuery("SELECT count(*) FILTER (WHERE " + keep + "), count(*) FILTER (WHERE " + keep
                    + " AND " + CheckedRows.FLAGS + " <> 0) FROM " + checked.name())) {
                result.next();
                written = result.getLong(1);
                flagged = table.badRows() == BadRowPolicy.FLAG ? result.getLong(2) : 0;
            }
            if (written == 0) {
                throw IngestException.inFile(table.files().get(0), "Expected at least one good row in table " + table.name() + ". Actual: none of "
                        + rowsRead + " rows" + (samples.isEmpty() ? "" : "; first problem: " + samples.get(0)), null);
            }
            StringBuilder select = new StringBuilder();
            for (int k = 0; k < table.columns().size(); k++) {
                select.append(k == 0 ? "" : ", ").append("v").append(k).append(" AS ").append(Sql.identifier(table.columns().get(k).name()));
            }
            if (table.badRows() == BadRowPolicy.FLAG) {
                select.append(", CAST(").append(CheckedRows.FLAGS).append(" AS INTEGER) AS ").append(IngestFlags.COLUMN);
            }
            statement.execute("COPY (SELECT " + select + " FROM " + checked.name() + " WHERE " + keep + ") TO "
                    + Sql.literal(stagingFile.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
            statement.execute("DROP TABLE " + checked.name());
            for (LoadedSource source : sources) {
                if (!source.relation().startsWith("(")) {
                    statement.execute("DROP TABLE IF EXISTS " + source.relation());
                }
            }
            return new Result(table.catalogTable(), stagingFile, rowsRead, written, rowsRead - written, flagged, samples);
        }
    }

    private static LoadedSource load(Connection connection, Path file, InputFormat format, String relationName, List<String> wanted,
            ProgressMeter progress) {
        progress.say("reading " + file + " as " + format.word());
        return switch (format) {
            case CSV -> CsvSource.load(connection, file, false, relationName, wanted, progress);
            case CSV_GZ -> CsvSource.load(connection, file, true, relationName, wanted, progress);
            case FITS, VOTABLE -> StilSource.load(connection, file, format, relationName, wanted, progress);
            case PARQUET -> ParquetSource.load(connection, file, wanted, progress);
            case AUTO -> throw new IllegalStateException("AUTO is resolved per file");
        };
    }

}
