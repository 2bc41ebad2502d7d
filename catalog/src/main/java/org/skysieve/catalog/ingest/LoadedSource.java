package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One input file made available to SQL for checking.
 *
 * @param file                the input file
 * @param relation            SQL naming its rows (a table, or a table function)
 * @param rowIndexExpression  SQL giving each row's 1-based position in the relation
 * @param columns             the wanted input columns, by the name the descriptor used
 * @param rowNumbering        turns a position in the relation into the 1-based data row of the file
 * @param rowsRead            rows in the relation
 * @param malformedRows       rows the reader could not split into fields (CSV), already left out of the relation
 */
record LoadedSource(
        Path file,
        String relation,
        String rowIndexExpression,
        Map<String, SourceColumn> columns,
        RowNumbering rowNumbering,
        long rowsRead,
        List<RowProblem> malformedRows) {

    LoadedSource {
        requireNonNull(file, "file is null");
        requireNonNull(relation, "relation is null");
        requireNonNull(rowIndexExpression, "rowIndexExpression is null");
        columns = Map.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rowNumbering, "rowNumbering is null");
        malformedRows = List.copyOf(requireNonNull(malformedRows, "malformedRows is null"));
    }
}
