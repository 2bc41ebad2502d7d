package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * The rows of all input files of a table, converted and checked, in one DuckDB table: {@code _file} (index of
 * the input file), {@code _row} (position among the rows its reader accepted), {@code v0..vn} (published
 * values), {@code p0..pn} (problem per column, null if none), {@code any_problem}, {@code position_bad} (ra or
 * dec unusable), {@code unparsable}, {@code id_missing}, {@code duplicate} (an earlier kept row has this id),
 * {@code first_file}/{@code first_row} (that earlier row).
 */
final class CheckedRows {
    /** SQL of the {@link IngestFlags} bits of a row of this table. */
    static final String FLAGS = "((CASE WHEN unparsable THEN 1 ELSE 0 END) | (CASE WHEN id_missing THEN 2 ELSE 0 END)"
            + " | (CASE WHEN duplicate THEN 4 ELSE 0 END))";

    private final Connection connection;
    private final String name;
    private final TableDescriptor table;
    private final List<LoadedSource> sources;

    private CheckedRows(Connection connection, String name, TableDescriptor table, List<LoadedSource> sources) {
        this.connection = requireNonNull(connection, "connection is null");
        this.name = requireNonNull(name, "name is null");
        this.table = requireNonNull(table, "table is null");
        this.sources = List.copyOf(sources);
    }

    String name() {
        return name;
    }

    static CheckedRows build(Connection connection, TableDescriptor table, List<LoadedSource> sources, String name, ProgressMeter progress)
            throws SQLException {
        List<String> selects = new ArrayList<>();
        for (int file = 0; file < sources.size(); file++) {
            selects.add(select(table, sources.get(file), file, progress));
        }
        String keptBefore = table.badRows() == BadRowPolicy.FLAG ? "NOT position_bad" : "NOT any_problem";
        int id = indexOf(table, table.idColumn());
        try (Statement statement = connection.createStatement()) {
            QueryProgress.execute(connection, "CREATE TABLE " + name + " AS " + String.join(" UNION ALL ", selects), "checking " + table.name(), progress);
            long duplicatedIds;
            String duplicated = "SELECT v" + id + " FROM " + name + " WHERE " + keptBefore + " AND v" + id + " IS NOT NULL GROUP BY v" + id
                    + " HAVING count(*) > 1";
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM (" + duplicated + ")")) {
                result.next();
                duplicatedIds = result.getLong(1);
            }
            if (duplicatedIds > 0) {
                statement.execute("UPDATE " + name + " SET duplicate = true, first_file = d.first_file, first_row = d.first_row FROM ("
                        + "SELECT _file, _row, first_value(_file) OVER w AS first_file, first_value(_row) OVER w AS first_row,"
                        + " row_number() OVER w AS occurrence FROM " + name + " WHERE " + keptBefore + " AND v" + id + " IN (" + duplicated + ")"
                        + " WINDOW w AS (PARTITION BY v" + id + " ORDER BY _file, _row)) d"
                        + " WHERE d.occurrence > 1 AND " + name + "._file = d._file AND " + name + "._row = d._row");
            }
        }
        return new CheckedRows(connection, name, table, sources);
    }

    /** The rows with a problem (or a duplicated id), the first {@code limit} of them in input order, one problem per row. */
    List<RowProblem> firstProblems(int limit) throws SQLException {
        int columns = table.columns().size();
        StringBuilder problems = new StringBuilder();
        for (int k = 0; k < columns; k++) {
            problems.append(", p").append(k);
        }
        int id = indexOf(table, table.idColumn());
        List<RowProblem> found = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT _file, _row, duplicate, first_file, first_row, CAST(v" + id + " AS VARCHAR)"
                        + problems + " FROM " + name + " WHERE any_problem OR duplicate ORDER BY _file, _row LIMIT " + limit)) {
            while (result.next()) {
                LoadedSource source = sources.get(result.getInt(1));
                long row = source.rowNumbering().dataRow(result.getLong(2));
                RowProblem problem = null;
                for (int k = 0; k < columns && problem == null; k++) {
                    String detail = result.getString(7 + k);
                    if (detail != null) {
                        problem = new RowProblem(source.file(), row, fileColumn(source, k), detail);
                    }
                }
                if (problem == null) {
                    LoadedSource first = sources.get(result.getInt(4));
                    long firstRow = first.rowNumbering().dataRow(result.getLong(5));
                    problem = new RowProblem(source.file(), row, fileColumn(source, id), "Expected a unique identifier. Actual: "
                            + result.getString(6) + ", already at row " + firstRow + (first == source ? "" : " of " + first.file()));
                }
                found.add(problem);
            }
        }
        return found;
    }

    private String fileColumn(LoadedSource source, int column) {
        return source.columns().get(table.columns().get(column).sourceColumn()).fileName();
    }

    private static int indexOf(TableDescriptor table, String column) {
        for (int k = 0; k < table.columns().size(); k++) {
            if (table.columns().get(k).name().equals(column)) {
                return k;
            }
        }
        throw new IllegalArgumentException("No column " + column + " in table " + table.name());
    }

    private static String select(TableDescriptor table, LoadedSource source, int file, ProgressMeter progress) {
        StringBuilder values = new StringBuilder();
        List<String> problems = new ArrayList<>();
        List<String> unparsable = new ArrayList<>();
        String positionProblem = "false";
        String idMissing = "false";
        for (int k = 0; k < table.columns().size(); k++) {
            ColumnMapping mapping = table.columns().get(k);
            ColumnDoc doc = mapping.doc();
            SourceColumn column = source.columns().get(mapping.sourceColumn());
            ColumnChecks.Role role = doc.name().equals(table.raColumn()) ? ColumnChecks.Role.RA
                    : doc.name().equals(table.decColumn()) ? ColumnChecks.Role.DEC
                    : doc.name().equals(table.idColumn()) ? ColumnChecks.Role.ID : ColumnChecks.Role.OTHER;
            double factor = factor(source.file(), column, mapping, progress);
            ColumnChecks checks = ColumnChecks.of(column, doc.type(), factor, mapping.sourceUnit().orElse(column.unit().orElse(doc.unit())), role);
            values.append(", ").append(checks.value()).append(" AS v").append(k);
            problems.add(checks.problem());
            unparsable.add(checks.unparsable());
            if (role == ColumnChecks.Role.RA || role == ColumnChecks.Role.DEC) {
                positionProblem = positionProblem + " OR (" + checks.problem() + ") IS NOT NULL";
            }
            if (role == ColumnChecks.Role.ID) {
                idMissing = "(" + checks.value() + " IS NULL)";
            }
        }
        StringBuilder select = new StringBuilder("SELECT " + file + " AS _file, " + source.rowIndexExpression() + " AS _row" + values);
        for (int k = 0; k < problems.size(); k++) {
            select.append(", ").append(problems.get(k)).append(" AS p").append(k);
        }
        select.append(", (").append(String.join(" OR ", problems.stream().map(p -> "(" + p + ") IS NOT NULL").toList())).append(") AS any_problem");
        select.append(", (").append(positionProblem).append(") AS position_bad");
        select.append(", (").append(String.join(" OR ", unparsable)).append(") AS unparsable");
        select.append(", ").append(idMissing).append(" AS id_missing");
        select.append(", false AS duplicate, CAST(NULL AS INTEGER) AS first_file, CAST(NULL AS BIGINT) AS first_row");
        return select.append(" FROM ").append(source.relation()).toString();
    }

    /**
     * The factor from the input's unit to the documented unit: the descriptor's {@code from_unit} if given (it must
     * agree with a unit the file declares), else the file's declared unit, else none.
     */
    private static double factor(Path file, SourceColumn column, ColumnMapping mapping, ProgressMeter progress) {
        ColumnType type = mapping.doc().type();
        boolean scaled = type == ColumnType.FLOAT || type == ColumnType.DOUBLE;
        String declared = mapping.doc().unit();
        Optional<String> fileUnit = column.unit();
        if (mapping.sourceUnit().isPresent()) {
            String sourceUnit = mapping.sourceUnit().get();
            if (fileUnit.isPresent() && Units.isKnown(fileUnit.get()) && !sameUnit(fileUnit.get(), sourceUnit)) {
                throw IngestException.atRow(file, 0, column.fileName(), "The descriptor gives from_unit '" + sourceUnit
                        + "' but the file declares '" + fileUnit.get() + "'");
            }
            return Units.factor(sourceUnit, declared);
        }
        if (!scaled || fileUnit.isEmpty() || fileUnit.get().equals(declared)) {
            return 1;
        }
        if (Units.isKnown(fileUnit.get()) && Units.isKnown(declared)) {
            try {
                return Units.factor(fileUnit.get(), declared);
            } catch (IllegalArgumentException e) {
                throw IngestException.atRow(file, 0, column.fileName(), "Wrong unit: the descriptor declares '" + declared
                        + "' but the file's values are in '" + fileUnit.get() + "', which is not convertible to it");
            }
        }
        progress.say(String.format(Locale.ROOT, "warning: %s, column %s: the file declares unit '%s' and the descriptor '%s'; "
                + "skysieve cannot relate them, so the values are taken as they are", file, column.fileName(), fileUnit.get(), declared));
        return 1;
    }

    private static boolean sameUnit(String a, String b) {
        try {
            return Math.abs(Units.factor(a, b) - 1) < 1e-12;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
