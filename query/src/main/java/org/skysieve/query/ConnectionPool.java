package org.skysieve.query;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Connections to the query database kept between queries, each with its prepared statements by SQL text (least
 * recently used dropped beyond {@code statementsPerConnection}): a query of a shape already seen skips DuckDB's
 * parsing, binding and planning (3-12 ms for a cone's {@code SELECT *}; docs/tap.md).
 *
 * <p>A connection, and so each of its statements, serves one query at a time: {@link #lease()} takes an idle connection
 * (or duplicates the database's when none is idle: a busy pool never makes a query wait), and the lease's
 * {@link Lease#close()} gives it back after the query's result is closed (a streamed result keeps its connection and
 * statement until then). At most {@code maxIdleConnections} wait idle; more are closed when given back. A lease
 * {@link Lease#discard() discarded} (its query failed or was cancelled) closes its connection and statements instead
 * of giving them back. {@link #close()} closes the idle connections and makes leases close theirs when given back.
 * Thread-safe; a lease is used by one thread at a time (it may be closed from another).
 */
final class ConnectionPool implements AutoCloseable {
    /** Prepares a statement on a connection (for {@link Lease#cached}). */
    interface Preparer {
        DuckDBPreparedStatement prepare(Connection connection) throws SQLException;
    }

    private final DuckDBConnection database;
    private final int maxIdleConnections;
    private final int statementsPerConnection;
    private final Deque<Pooled> idle = new ArrayDeque<>();
    private final AtomicLong statementsPrepared = new AtomicLong();
    private final AtomicLong statementsReused = new AtomicLong();
    private boolean closed;

    ConnectionPool(DuckDBConnection database, int maxIdleConnections, int statementsPerConnection) {
        this.database = requireNonNull(database, "database is null");
        if (maxIdleConnections < 0 || statementsPerConnection < 0) {
            throw new IllegalArgumentException("Expected idle connections >= 0 and statements per connection >= 0. Actual: "
                    + maxIdleConnections + " and " + statementsPerConnection);
        }
        this.maxIdleConnections = maxIdleConnections;
        this.statementsPerConnection = statementsPerConnection;
    }

    /** A connection for one query: an idle one, else a new duplicate of the database's. */
    Lease lease() throws SQLException {
        Pooled pooled;
        synchronized (this) {
            if (closed) {
                throw new SQLException("Expected an open query engine. Actual: the engine is closed");
            }
            pooled = idle.pollFirst();
        }
        return new Lease(pooled != null ? pooled : new Pooled(database.duplicate(), statementsPerConnection));
    }

    /** The number of idle connections (for tests). */
    synchronized int idleCount() {
        return idle.size();
    }

    /** Statements prepared for {@link Lease#cached} so far (for tests and figures). */
    long statementsPrepared() {
        return statementsPrepared.get();
    }

    /** Times {@link Lease#cached} found a kept statement (for tests and figures). */
    long statementsReused() {
        return statementsReused.get();
    }

    private void giveBack(Pooled pooled) {
        synchronized (this) {
            if (!closed && idle.size() < maxIdleConnections) {
                idle.addFirst(pooled);
                return;
            }
        }
        pooled.close();
    }

    @Override
    public void close() {
        List<Pooled> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(Pooled::close);
    }

    /** One connection and its statements by SQL text, in access order (eldest first). */
    private static final class Pooled {
        private final Connection connection;
        private final Map<String, DuckDBPreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
        private final int capacity;

        Pooled(Connection connection, int capacity) {
            this.connection = connection;
            this.capacity = capacity;
        }

        DuckDBPreparedStatement cached(String sql, Preparer preparer) throws SQLException {
            DuckDBPreparedStatement statement = statements.get(sql);
            if (statement != null) {
                return statement;
            }
            statement = preparer.prepare(connection);
            if (capacity == 0) {
                return statement;
            }
            statements.put(sql, statement);
            Iterator<Map.Entry<String, DuckDBPreparedStatement>> eldest = statements.entrySet().iterator();
            while (statements.size() > capacity) {
                DuckDBPreparedStatement dropped = eldest.next().getValue();
                eldest.remove();
                closeQuietly(dropped);
            }
            return statement;
        }

        void evict(String sql) {
            closeQuietly(statements.remove(sql));
        }

        void close() {
            statements.values().forEach(Pooled::closeQuietly);
            statements.clear();
            closeQuietly(connection);
        }

        private static void closeQuietly(AutoCloseable closeable) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing a connection or statement that is no longer needed: nothing to do about a failure
                }
            }
        }
    }

    /** One query's use of a pooled connection. Close it once the query's result is closed. */
    final class Lease implements AutoCloseable {
        private final Pooled pooled;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean discarded;

        private Lease(Pooled pooled) {
            this.pooled = pooled;
        }

        Connection connection() {
            return pooled.connection;
        }

        /**
         * The connection's statement for {@code sql}, prepared by {@code preparer} when it has none (then kept, the
         * least recently used beyond the bound closed). The statement must not be closed by the caller.
         */
        DuckDBPreparedStatement cached(String sql, Preparer preparer) throws SQLException {
            requireNonNull(sql, "sql is null");
            requireNonNull(preparer, "preparer is null");
            boolean kept = pooled.statements.containsKey(sql);
            DuckDBPreparedStatement statement = pooled.cached(sql, preparer);
            (kept ? statementsReused : statementsPrepared).incrementAndGet();
            return statement;
        }

        /** Drops and closes the statement kept for {@code sql}, if any (it failed: the next query prepares it anew). */
        void evict(String sql) {
            pooled.evict(sql);
        }

        /** The connection is not to be reused: closed with its statements when the lease ends. */
        void discard() {
            discarded = true;
        }

        /** Gives the connection back (or closes it when discarded, beyond the bound or after the pool closed); once. */
        @Override
        public void close() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            if (discarded) {
                pooled.close();
            } else {
                giveBack(pooled);
            }
        }
    }
}
