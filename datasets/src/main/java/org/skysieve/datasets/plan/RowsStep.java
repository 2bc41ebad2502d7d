package org.skysieve.datasets.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;

import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.datasets.spec.CheckedSpec;
import org.skysieve.datasets.spec.LabelSpec;
import org.skysieve.datasets.spec.SplitSpec;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;

/**
 * The last planning step: balances the classes (seeded: the rows of smallest order key per label value), assigns each
 * sky cell its split ({@link SplitAssignment}), and writes the rows as {@code rows.parquet} in the work folder, ordered
 * by split (train, validation, test) then by order key, with one DuckDB thread so that the bytes never depend on
 * scheduling; then counts rows per split and per status word.
 */
final class RowsStep {
    static final String ROWS_FILE = "rows.parquet";

    private RowsStep() {
    }

    static PlannedDataset write(CheckedSpec checked, PlanDatabase database, Optional<String> labelSql, Map<String, String> surveyVersions) {
        SplitSpec split = checked.spec().split();
        assignSplits(split, database);
        String labelJoin = database.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'labels'") > 0
                && labelSql.filter(sql -> sql.startsWith("labels.")).isPresent() ? " LEFT JOIN labels USING (row_index)" : "";
        String from = " FROM assembled JOIN split_cells USING (split_cell)" + labelJoin;
        String where = "";
        Optional<LabelSpec.Balance> balance = checked.spec().label().flatMap(LabelSpec::balance);
        if (balance.isPresent()) {
            String value = labelSql.orElseThrow();
            database.execute("CREATE OR REPLACE TABLE labelled AS SELECT row_index, order_key, object_id, " + value + " AS label_value"
                    + " FROM assembled" + labelJoin + " WHERE " + value + " IS NOT NULL");
            long perClass = balance.get().perClass().orElseGet(() -> database.count(
                    "SELECT coalesce(min(n), 0) FROM (SELECT count(*) AS n FROM labelled GROUP BY label_value)"));
            database.execute("CREATE OR REPLACE TABLE chosen AS SELECT row_index FROM (SELECT row_index, row_number() OVER"
                    + " (PARTITION BY label_value ORDER BY order_key, object_id) AS n FROM labelled) WHERE n <= " + perClass);
            where = " WHERE row_index IN (SELECT row_index FROM chosen)";
        }
        String description = "each HEALPix NESTED cell of order " + split.order() + " goes whole to one split (seed " + split.seed() + ", fractions "
                + split.fraction("train") + "/" + split.fraction("validation") + "/" + split.fraction("test") + ").";
        List<DatasetColumns.PlannedColumn> columns = DatasetColumns.all(checked, description, labelSql);
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            DatasetColumns.PlannedColumn column = columns.get(i);
            select.append(i == 0 ? "" : ", ").append(column.sql()).append(" AS ").append(SqlText.identifier(column.doc().name()));
        }
        Path rows = database.workFolder().resolve(ROWS_FILE);
        Path building = database.workFolder().resolve(ROWS_FILE + ".building");
        database.execute("SET threads = 1");
        database.execute("COPY (" + select + from + where + " ORDER BY split_rank, order_key, object_id) TO " + PlanDatabase.literal(building)
                + " (FORMAT parquet, COMPRESSION zstd)");
        try {
            Files.move(building, rows, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + building + " to " + rows, e);
        }
        String file = "read_parquet(" + PlanDatabase.literal(rows) + ")";
        long rowCount = database.count("SELECT count(*) FROM " + file);
        Map<String, Long> perSplit = new LinkedHashMap<>();
        SplitSpec.NAMES.forEach(name -> perSplit.put(name, 0L));
        for (List<String> row : database.rows("SELECT split, count(*) FROM " + file + " GROUP BY split")) {
            perSplit.put(row.get(0), Long.parseLong(row.get(1)));
        }
        Map<String, Map<String, Long>> statusCounts = new TreeMap<>();
        for (DatasetColumns.PlannedColumn column : columns) {
            if (MissingStatus.isStatusColumn(column.doc())) {
                Map<String, Long> counts = new TreeMap<>();
                for (List<String> row : database.rows("SELECT " + SqlText.identifier(column.doc().name()) + ", count(*) FROM " + file + " GROUP BY 1")) {
                    counts.put(row.get(0) == null ? "null" : row.get(0), Long.parseLong(row.get(1)));
                }
                statusCounts.put(column.doc().name(), counts);
            }
        }
        List<ColumnDoc> docs = columns.stream().map(DatasetColumns.PlannedColumn::doc).toList();
        return new PlannedDataset(rows, rowCount, docs, perSplit, statusCounts, surveyVersions);
    }

    /** The table {@code split_cells}: each occupied cell of the split order, its split and the split's rank. */
    private static void assignSplits(SplitSpec split, PlanDatabase database) {
        LoadedTable cells = database.load("cells", "SELECT DISTINCT split_cell FROM assembled ORDER BY split_cell");
        long[] values = ((Column.LongColumn) cells.columns().get(0)).values();
        String[] splits = new String[values.length];
        long[] ranks = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            splits[i] = SplitAssignment.splitOf(split, values[i]);
            ranks[i] = SplitSpec.NAMES.indexOf(splits[i]);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column.LongColumn("split_cell", values, new boolean[values.length]));
        columns.add(new Column.TextColumn("split", splits));
        columns.add(new Column.LongColumn("split_rank", ranks, new boolean[values.length]));
        database.store("split_cells", new LoadedTable("split cells", columns));
    }

}
