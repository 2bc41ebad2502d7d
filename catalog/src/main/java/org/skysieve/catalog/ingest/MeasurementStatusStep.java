package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skysieve.catalog.duckdb.StatusSqlFunctions;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.model.StatusColumns;
import org.skysieve.catalog.status.BandStatusMap;

/**
 * Adds, after every measurement column ({@link StatusColumns#isMeasurement}) of a band that has a coverage map, the
 * columns {@code M_status} and {@code M_limit} computed from the band's maps at the row's position:
 * {@code detected} where {@code M} holds a number, else {@code undetected} (observed outside masks), {@code masked}
 * or {@code unobserved}; the limit where the band observed the position (detected or undetected) and has a depth map,
 * else null. A NaN measurement is kept as NaN (never turned into null) and is not a detection: its status comes from
 * the maps. A column of that name the descriptor already publishes is an error (the descriptor must drop it).
 *
 * <p>Rewrites one staging Parquet file into another with DuckDB, the look-ups being the vectorised
 * {@link StatusSqlFunctions} (one hash per row and band). Uses the given connection, from one thread.
 */
final class MeasurementStatusStep {
    private static final String KEYED_CODE = StatusSqlFunctions.COVERAGE_CODE;
    private static final String KEYED_LIMIT = StatusSqlFunctions.LIMIT_OF_KEY;

    private MeasurementStatusStep() {
    }

    /** Whether {@code table} has a measurement of one of {@code bands}. */
    static boolean applies(CatalogTable table, Set<String> bands) {
        return table.columns().stream().anyMatch(column -> StatusColumns.isMeasurement(column) && bands.contains(column.band().orElseThrow()));
    }

    /**
     * @param maps        the bands with maps, in key order of the functions registered by
     *                    {@link StatusSqlFunctions#registerBands} on {@code connection}
     * @param descriptor  the descriptor file, for messages
     */
    static TableStager.Result apply(Connection connection, TableStager.Result staged, List<BandStatusMap> maps, Path outputFile,
            Path descriptor) throws SQLException {
        requireNonNull(staged, "staged is null");
        requireNonNull(maps, "maps is null");
        Map<String, Integer> keyOfBand = new java.util.HashMap<>();
        for (int k = 0; k < maps.size(); k++) {
            keyOfBand.put(maps.get(k).band(), k);
        }
        CatalogTable table = staged.table();
        List<ColumnDoc> columns = new ArrayList<>();
        StringBuilder select = new StringBuilder();
        for (ColumnDoc column : table.columns()) {
            columns.add(column);
            select.append(select.length() == 0 ? "" : ", ").append(Sql.identifier(column.name()));
            Integer key = column.band().map(keyOfBand::get).orElse(null);
            if (key == null || !StatusColumns.isMeasurement(column)) {
                continue;
            }
            String measurement = column.name();
            for (String added : List.of(StatusColumns.statusName(measurement), StatusColumns.limitName(measurement))) {
                if (table.column(added).isPresent()) {
                    throw IngestException.inFile(descriptor, "Table " + table.name() + " declares column " + added
                            + ", which ingest computes from the maps of band " + column.band().orElseThrow()
                            + " for " + measurement + ". Expected no column of that name: remove it from the descriptor", null);
                }
            }
            String bandUcd = bandUcdWord(column.ucd());
            columns.add(StatusColumns.statusDoc(measurement, column.band().orElseThrow(), bandUcd));
            columns.add(StatusColumns.limitDoc(measurement, column.band().orElseThrow(), bandUcd));
            String position = key + ", " + Sql.identifier(table.raColumn()) + ", " + Sql.identifier(table.decColumn());
            String code = KEYED_CODE + "(" + position + ")";
            select.append(", CASE WHEN ").append(Sql.identifier(measurement)).append(" IS NOT NULL AND NOT isnan(")
                    .append(Sql.identifier(measurement)).append(") THEN '").append(MissingStatus.DETECTED.word()).append("' ELSE [")
                    .append(wordOf(MissingStatus.UNDETECTED)).append(", ").append(wordOf(MissingStatus.MASKED)).append(", ")
                    .append(wordOf(MissingStatus.UNOBSERVED)).append("][").append(code).append(" + 1] END AS ")
                    .append(Sql.identifier(StatusColumns.statusName(measurement)));
            select.append(", CAST(CASE WHEN ").append(code).append(" = 0 THEN ").append(KEYED_LIMIT).append("(").append(position)
                    .append(") END AS FLOAT) AS ").append(Sql.identifier(StatusColumns.limitName(measurement)));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT " + select + " FROM read_parquet(" + Sql.literal(staged.stagingFile().toString()) + ")) TO "
                    + Sql.literal(outputFile.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
        }
        CatalogTable withStatus = new CatalogTable(table.name(), table.description(), table.raColumn(), table.decColumn(),
                table.idColumn(), columns);
        return new TableStager.Result(withStatus, outputFile, staged.rowsRead(), staged.rowsWritten(), staged.rowsRejected(),
                staged.rowsFlagged(), staged.problemSamples());
    }

    /** The band word of a measurement's UCD ({@code em.opt.R} of {@code phot.mag;em.opt.R}), or empty. */
    private static String bandUcdWord(String ucd) {
        for (String word : ucd.split(";")) {
            if (word.trim().startsWith("em.")) {
                return word.trim();
            }
        }
        return "";
    }

    private static String wordOf(MissingStatus status) {
        return "'" + status.word() + "'";
    }
}
