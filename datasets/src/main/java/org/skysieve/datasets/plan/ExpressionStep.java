package org.skysieve.datasets.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.datasets.spec.DatasetSpecChecks;
import org.skysieve.query.QueryEngine;

/**
 * Evaluates ADQL value expressions (derived columns, a label expression) over the dataset's columns through the
 * {@link QueryEngine}: the columns are written to a Parquet file offered as {@code TAP_UPLOAD.dataset}, the expressions
 * are parsed, checked and translated as any ADQL (no user text reaches the database as SQL), and the values come back
 * keyed by {@code row_index} into a planner table.
 */
final class ExpressionStep {
    /** The row index as the expressions' table offers it: a name no dataset column takes (they are checked). */
    static final String INDEX_COLUMN = "skysieve_row_index";
    private ExpressionStep() {
    }

    /**
     * Creates the table {@code target} ({@code row_index}, then {@code names}) with the values of {@code expressions}
     * over {@code columns} of the table {@code assembled}.
     */
    static void evaluate(QueryEngine engine, PlanDatabase database, Collection<DatasetColumns.PlannedColumn> columns, List<String> expressions,
            List<String> names, String target) {
        Path upload = database.workFolder().resolve(target + "-input.parquet");
        StringBuilder select = new StringBuilder("SELECT row_index AS " + INDEX_COLUMN);
        List<ColumnDoc> docs = new ArrayList<>();
        docs.add(ColumnDoc.of(INDEX_COLUMN, ColumnType.LONG, "", "meta.id", "Row index."));
        for (DatasetColumns.PlannedColumn column : columns) {
            select.append(", ").append(column.sql()).append(" AS ").append(SqlText.identifier(column.doc().name()));
            docs.add(column.doc());
        }
        database.execute("COPY (" + select + " FROM assembled ORDER BY row_index) TO " + PlanDatabase.literal(upload)
                + " (FORMAT parquet, COMPRESSION zstd)");
        StringBuilder adql = new StringBuilder("SELECT " + INDEX_COLUMN);
        for (String expression : expressions) {
            adql.append(", (").append(expression).append(")");
        }
        adql.append(" FROM TAP_UPLOAD.").append(DatasetSpecChecks.EXPRESSION_TABLE);
        Path output = database.workFolder().resolve(target + ".parquet");
        List<String> outputNames = new ArrayList<>();
        outputNames.add("row_index");
        outputNames.addAll(names);
        engine.copyToParquet(adql.toString(), DatasetSpecChecks.expressionOptions(docs, upload), output, outputNames, Map.of());
        database.execute("CREATE OR REPLACE TABLE " + SqlText.identifier(target) + " AS SELECT * FROM read_parquet(" + PlanDatabase.literal(output)
                + ") ORDER BY row_index");
    }
}
