package org.skysieve.query.translate;

import org.skysieve.query.check.AnalyzedQuery;
import org.skysieve.query.check.TableRegistry;

/**
 * Checked query → DuckDB SQL: the {@link RewriteRule}s (geometry to exact tests and HEALPix ranges), then
 * {@link SqlPrinter} (TOP → LIMIT, every identifier quoted, functions from the allow-list, each table a
 * {@code read_parquet} of only the partition files needed). The SQL is made from the tree alone. Static, thread-safe.
 */
public final class Translation {
    private Translation() {
    }

    /** The SQL with literals only (the form for COPY and for reading by people). */
    public static TranslatedQuery toDuckDb(AnalyzedQuery query, TableRegistry registry) {
        return translate(query, registry, QueryParameters.none());
    }

    /**
     * The SQL for a prepared statement: where a position of an in-memory copy with sorted rows
     * ({@link org.skysieve.query.check.TableSource.Hats#sortedRows()}) is tested against a constant circle or
     * polygon, the HEALPix ranges become {@code rowid BETWEEN $i AND $j} (row numbers by binary search) and the
     * region's numbers parameters too, so the text depends only on the query's shape; everything else as
     * {@link #toDuckDb} (files keep their literal SQL). Bind {@link TranslatedQuery#parameters()} in order.
     */
    public static TranslatedQuery toDuckDbWithParameters(AnalyzedQuery query, TableRegistry registry) {
        return translate(query, registry, QueryParameters.enabled());
    }

    private static TranslatedQuery translate(AnalyzedQuery query, TableRegistry registry, QueryParameters parameters) {
        Rewriter rewriter = new Rewriter(registry, parameters);
        var rewritten = rewriter.rewrite(query.tree());
        SqlPrinter printer = new SqlPrinter(registry, rewriter.pruning(), parameters);
        String sql = printer.query(rewritten);
        return new TranslatedQuery(sql, printer.filesRead(), parameters.printedValues());
    }
}
