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

    public static TranslatedQuery toDuckDb(AnalyzedQuery query, TableRegistry registry) {
        Rewriter rewriter = new Rewriter(registry);
        var rewritten = rewriter.rewrite(query.tree());
        SqlPrinter printer = new SqlPrinter(registry, rewriter.pruning());
        String sql = printer.query(rewritten);
        return new TranslatedQuery(sql, printer.filesRead());
    }
}
