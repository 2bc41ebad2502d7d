package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.query.AdqlException;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.query.QueryResult;
import org.skysieve.query.tree.QueryExpression;
import org.skysieve.query.tree.SetExpression;
import org.skysieve.xmatch.TableReader;

/**
 * How many objects a checked spec selects, found before any work where that is cheap, so that a server can refuse a
 * spec over its object limit at once rather than after planning. The count is that of the objects selected (before
 * any {@code label.balance}), as the planner's {@code objects} stage counts them.
 *
 * @param basis    how the number was found
 * @param objects  the number of objects ({@link Basis#UPLOAD_ROWS}, {@link Basis#QUERY_COUNT}), their upper bound
 *                 ({@link Basis#TOP_BOUND}); empty exactly when {@link Basis#UNKNOWN}
 */
public record ObjectCount(Basis basis, OptionalLong objects) {
    private static final ObjectCount UNKNOWN = new ObjectCount(Basis.UNKNOWN, OptionalLong.empty());

    /** How an {@link ObjectCount} was found. */
    public enum Basis {
        /** The rows of the uploaded table: exact. */
        UPLOAD_ROWS("rows of the upload"),
        /** The query's {@code TOP n}, within the limit: an upper bound, not counted. */
        TOP_BOUND("TOP of the query"),
        /** {@code COUNT(*)} of the query run by the query engine within the time limit: exact. */
        QUERY_COUNT("the query's rows counted"),
        /** Not known before planning (the count ran past its time limit, or the query could not be counted). */
        UNKNOWN("unknown");

        private final String words;

        Basis(String words) {
            this.words = words;
        }

        /** A few words for messages: "rows of the upload", ... */
        public String words() {
            return words;
        }
    }

    public ObjectCount {
        requireNonNull(basis, "basis is null");
        requireNonNull(objects, "objects is null");
        if ((basis == Basis.UNKNOWN) != objects.isEmpty() || objects.orElse(0) < 0) {
            throw new IllegalArgumentException("Expected a count >= 0 exactly when the basis is known. Actual: " + basis
                    + ", " + objects);
        }
    }

    /** True when the spec is known to select more than {@code limit} objects (never for a bound or an unknown). */
    public boolean exceeds(long limit) {
        return (basis == Basis.UPLOAD_ROWS || basis == Basis.QUERY_COUNT) && objects.getAsLong() > limit;
    }

    /**
     * Counts the objects of {@code spec} (already checked: its upload exists and its query is valid).
     *
     * @param engine     runs the count of a query (the engine the spec was checked with: it reads the upload folder)
     * @param limit      the caller's object limit: a query whose {@code TOP n} is within it is not counted
     * @param timeLimit  the longest a count of a query may run (whole seconds); under a second: never count a query
     */
    public static ObjectCount of(DatasetSpec spec, QueryEngine engine, long limit, Duration timeLimit) {
        requireNonNull(spec, "spec is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(timeLimit, "timeLimit is null");
        if (spec.objects() instanceof ObjectsSpec.Upload upload) {
            return new ObjectCount(Basis.UPLOAD_ROWS, OptionalLong.of(uploadRows(upload)));
        }
        String adql = ((ObjectsSpec.Adql) spec.objects()).adql();
        QueryOptions options = QueryOptions.of(1, timeLimit.toSeconds() < 1 ? Duration.ofSeconds(1) : timeLimit);
        try {
            Optional<Long> top = top(engine.check(adql, options).tree());
            if (top.isPresent() && top.get() <= limit) {
                return new ObjectCount(Basis.TOP_BOUND, OptionalLong.of(top.get()));
            }
            if (timeLimit.toSeconds() < 1) {
                return UNKNOWN;
            }
            // on lines of their own: a comment ending the query's last line ends there
            try (QueryResult result = engine.execute("SELECT COUNT(*) AS n FROM (\n" + adql + "\n) AS skysieve_objects",
                    options)) {
                return result.next() ? new ObjectCount(Basis.QUERY_COUNT, OptionalLong.of(result.rows().getLong(1)))
                        : UNKNOWN;
            }
        } catch (AdqlException | SQLException e) {
            // past the time limit, or a query the count cannot wrap (a WITH clause): planning will tell
            return UNKNOWN;
        }
    }

    /** The TOP of a plain SELECT (with or without ORDER BY and OFFSET, which only lower the count). */
    private static Optional<Long> top(QueryExpression query) {
        if (query.body() instanceof SetExpression.Select select && select.top().isPresent()) {
            return Optional.of(select.top().getAsLong());
        }
        return Optional.empty();
    }

    /** The rows of an uploaded table, read as the planner reads it (DuckDB for CSV and Parquet, else STIL). */
    private static long uploadRows(ObjectsSpec.Upload upload) {
        Optional<String> source = ObjectColumns.duckDbSource(upload.file());
        if (source.isEmpty()) {
            return TableReader.read(upload.file()).rowCount();
        }
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + source.get())) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rows of " + upload.file().getFileName() + ": "
                    + e.getMessage(), e);
        }
    }
}
