package org.skysieve.query;

import static java.util.Objects.requireNonNull;

/**
 * What a running query holds until its result is closed: a pooled connection and its statement, which is either one
 * of the connection's kept statements ({@code cachedSql} names it) or the query's own. Ending it closes the query's own
 * statement and gives the connection back; after a failure or a cancel the kept statement is dropped and the connection
 * closed instead (DuckDB may have left it interrupted). Ends once; thread-safe.
 */
final class QueryHold {
    private final ConnectionPool.Lease lease;
    private final java.sql.Statement statement;
    private final String cachedSql;
    private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param cachedSql the SQL text the statement is kept under in the connection's cache; null when the statement is
     *                  the query's own (closed at the end)
     */
    QueryHold(ConnectionPool.Lease lease, java.sql.Statement statement, String cachedSql) {
        this.lease = requireNonNull(lease, "lease is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.cachedSql = cachedSql;
    }

    /** Ends the query's hold; {@code failed}: its statement and connection are not reused. */
    void end(boolean failed) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            if (cachedSql == null) {
                closeQuietly(statement);
            } else if (failed) {
                lease.evict(cachedSql);
            }
            if (failed) {
                lease.discard();
            }
        } finally {
            lease.close();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the query is over: nothing to do about a statement that does not close
        }
    }
}
