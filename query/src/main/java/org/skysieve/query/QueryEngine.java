package org.skysieve.query;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.duckdb.StatusSqlFunctions;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.query.check.AnalyzedQuery;
import org.skysieve.query.check.Analyzer;
import org.skysieve.query.check.TableDescription;
import org.skysieve.query.check.TableRegistry;
import org.skysieve.query.check.TableSource;
import org.skysieve.query.parser.AdqlParsing;
import org.skysieve.query.translate.TranslatedQuery;
import org.skysieve.query.translate.Translation;
import org.skysieve.query.translate.UploadMatchJoins;

/**
 * Runs ADQL over an archive: parse, check against the published tables (plus extra and uploaded ones), translate to
 * DuckDB SQL, execute with streaming results.
 *
 * <p>One long-lived in-memory DuckDB per engine; each query runs on a duplicate connection of its own while it runs,
 * taken from a small pool ({@link ConnectionPool}) and given back when its result is closed, so any number of threads
 * may call {@link #execute} at once (thread-safe). Over in-memory copies with sorted rows, a query whose SQL has
 * parameters ({@link Translation#toDuckDbWithParameters}: cones, boxes, polygons) reuses the connection's prepared
 * statement for the same SQL text, skipping DuckDB's parse, bind and plan. The database is locked down when the engine opens: it
 * reads files only under the archive folder and the given readable folders ({@code allowed_directories} with
 * {@code enable_external_access = false}), loads no extension, and its configuration is locked
 * ({@code lock_configuration = true}): a query can neither read other files nor change a setting, whatever its text
 * (and the SQL is generated from the checked tree, never pasted from it). DuckDB's threads and memory are bounded
 * ({@link EngineResources}). A caller thread interrupted while DuckDB computes ({@link #execute} until it returns,
 * {@link #copyToParquet} throughout) has its statement cancelled within about 50 ms, so an aborted job stops its
 * DuckDB work. Rows come in the order of the query's ORDER BY; without one, in no fixed order
 * ({@code preserve_insertion_order = false}: faster scans).
 */
public final class QueryEngine implements AutoCloseable {
    private final DuckDBConnection database;
    private final TableRegistry registry;
    private final MemoryTables memoryTables;
    private final InterruptWatch interrupts = new InterruptWatch();
    private final ConnectionPool connections;

    /** Connections kept idle between queries (more are opened while more queries run at once). */
    static final int POOLED_CONNECTIONS = 4;
    /** Prepared statements kept per pooled connection (query shapes; a cone's shape is its number of HEALPix ranges). */
    static final int STATEMENTS_PER_CONNECTION = 64;

    /** Statements under way in DuckDB now (for tests that must act while one runs). */
    int statementsUnderWay() {
        return interrupts.watchedCount();
    }

    private QueryEngine(DuckDBConnection database, TableRegistry registry, MemoryTables memoryTables) {
        this.database = database;
        this.registry = registry;
        this.memoryTables = memoryTables;
        this.connections = new ConnectionPool(database, POOLED_CONNECTIONS, STATEMENTS_PER_CONNECTION);
    }

    /** An engine over the archive's published tables. */
    public static QueryEngine open(Archive archive) {
        return open(archive, List.of(), List.of());
    }

    /**
     * An engine over the archive's published tables and {@code extraTables} (e.g. TAP_SCHEMA as Parquet files), which
     * may also read files under {@code readableFolders} (where uploads are put).
     */
    public static QueryEngine open(Archive archive, List<TableDescription> extraTables, List<Path> readableFolders) {
        return open(archive, extraTables, readableFolders, EngineResources.defaults());
    }

    /** As {@link #open(Archive, List, List)}, DuckDB using at most {@code resources} (threads, memory). */
    public static QueryEngine open(Archive archive, List<TableDescription> extraTables, List<Path> readableFolders,
            EngineResources resources) {
        requireNonNull(archive, "archive is null");
        requireNonNull(resources, "resources is null");
        TableRegistry files = TableRegistry.of(archive).with(extraTables);
        List<Path> folders = new ArrayList<>();
        folders.add(archive.layout().root());
        folders.addAll(readableFolders);
        for (TableDescription table : extraTables) {
            if (table.source() instanceof TableSource.ParquetFile file) {
                folders.add(file.file().toAbsolutePath().getParent());
            }
        }
        try {
            Properties properties = new Properties();
            properties.setProperty("autoinstall_known_extensions", "false");
            properties.setProperty("autoload_known_extensions", "false");
            properties.setProperty("jdbc_stream_results", "true");
            DuckDBConnection database = (DuckDBConnection) java.sql.DriverManager.getConnection("jdbc:duckdb:", properties);
            TableRegistry registry = files;
            StatusSqlFunctions.register(database, new StatusMaps(archive), registry.statusBands());
            try (Statement statement = database.createStatement()) {
                String allowed = folders.stream()
                        .map(f -> SqlText.literal(f.toAbsolutePath().normalize() + "/"))
                        .reduce((a, b) -> a + ", " + b).orElseThrow();
                statement.execute("SET allowed_directories = [" + allowed + "]");
                // Parquet footers are read once per file, not once per query
                statement.execute("SET parquet_metadata_cache = true");
                statement.execute("SET threads = " + resources.threads());
                // the copies are held beside the queries' memory, not out of it
                statement.execute("SET memory_limit = '" + (resources.memoryLimitBytes() + resources.memoryTablesBytes()) + "B'");
                if (resources.spillFolder().isPresent()) {
                    statement.execute("SET temp_directory = " + SqlText.literal(resources.spillFolder().get().toAbsolutePath().toString()));
                    statement.execute("SET max_temp_directory_size = '" + resources.maxSpillBytes() + "B'");
                } else {
                    statement.execute("SET temp_directory = ''");
                }
                // the copies keep the order of their ORDER BY (insertion order kept while loading), so zone maps prune
                MemoryTables copies = MemoryTables.load(database, registry, resources.memoryTablesBytes());
                if (!copies.loaded().isEmpty()) {
                    registry = registry.withMemoryTables(copies.sqlNames(), copies.sortedRows());
                    statement.execute("SET memory_limit = '" + (resources.memoryLimitBytes() + copies.usedBytes()) + "B'");
                }
                // SQL without ORDER BY has no row order (nor has ADQL): not keeping the files' order lets DuckDB scan
                // in parallel and stop early (a 1M-row TOP without ORDER BY: about 3 times faster)
                statement.execute("SET preserve_insertion_order = false");
                statement.execute("SET enable_external_access = false");
                statement.execute("SET lock_configuration = true");
                return new QueryEngine(database, registry, copies);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the query database: " + e.getMessage(), e);
        }
    }

    /** The survey tables copied into memory at open ({@link EngineResources#memoryTablesBytes()}), and those left on files. */
    public MemoryTables memoryTables() {
        return memoryTables;
    }

    /** The engine's connections and their kept statements (for tests and figures). */
    ConnectionPool connectionPool() {
        return connections;
    }

    /** The tables queries may name (without per-query uploads). */
    public TableRegistry tables() {
        return registry;
    }

    /** Parses and checks {@code adql} (no execution): the result columns, or an {@link AdqlException}. */
    public AnalyzedQuery check(String adql, QueryOptions options) {
        return Analyzer.analyze(AdqlParsing.parse(adql), registryFor(options));
    }

    /** The DuckDB SQL {@code adql} becomes (for explanations and tests). */
    public TranslatedQuery translate(String adql, QueryOptions options) {
        Planned planned = plan(adql, options);
        return Translation.toDuckDb(planned.query(), planned.tables());
    }

    /** A checked query and the tables it reads, after an upload's positional join went to the cross-match engine. */
    private record Planned(AnalyzedQuery query, TableRegistry tables) {
    }

    private Planned plan(String adql, QueryOptions options) {
        TableRegistry tables = registryFor(options);
        AnalyzedQuery analyzed = Analyzer.analyze(AdqlParsing.parse(adql), tables);
        if (options.uploads().isEmpty()) {
            return new Planned(analyzed, tables);
        }
        Optional<UploadMatchJoins.Prepared> prepared = UploadMatchJoins.prepare(analyzed, tables);
        if (prepared.isEmpty()) {
            return new Planned(analyzed, tables);
        }
        UploadMatchJoins.Prepared join = prepared.get();
        List<QueryOptions.UploadedTable> uploads = options.uploads().stream().map(upload -> upload.name().equalsIgnoreCase(join.uploadName())
                ? new QueryOptions.UploadedTable(upload.name(), join.uploadFile(), upload.columns()) : upload).toList();
        return new Planned(join.query(), registryFor(new QueryOptions(options.maxRecords(), options.timeout(), uploads)));
    }

    /**
     * Runs {@code adql}. The returned result streams its rows; the caller closes it.
     *
     * @throws AdqlException for a query that does not parse, names unknown things, uses what is not offered, exceeds a
     *                       limit, or fails in the database (kind EXECUTION, with DuckDB's message)
     */
    public QueryResult execute(String adql, QueryOptions options) {
        RunnableQuery query = runnable(adql, options);
        ConnectionPool.Lease lease = null;
        Statement statement = null;
        String cachedSql = null;
        long startNanoTime = System.nanoTime();
        try {
            lease = connections.lease();
            if (query.isCacheable()) {
                cachedSql = query.sql();
                DuckDBPreparedStatement prepared = lease.cached(cachedSql, connection -> prepare(connection, query.sql()));
                bind(prepared, query.parameters());
                statement = prepared;
            } else {
                statement = lease.connection().createStatement();
            }
            statement.setQueryTimeout(timeoutSeconds(options));
            ResultSet rows;
            InterruptWatch.Handle watch = interrupts.watch(statement);
            try {
                // DuckDB's createStatement() is a DuckDBPreparedStatement too: the kept statement is the one to run without text
                rows = cachedSql != null ? ((DuckDBPreparedStatement) statement).executeQuery() : statement.executeQuery(query.sql());
            } finally {
                watch.close();
                discardIfInterrupted(lease);
            }
            return new QueryResult(query.columns(), rows, statement, new QueryHold(lease, statement, cachedSql), options.maxRecords());
        } catch (SQLException e) {
            throw failure(e, lease, statement, cachedSql, query.sql(), query.parameters(), options, startNanoTime);
        }
    }

    /**
     * Runs {@code adql} as {@link #execute}, its rows read through DuckDB's data-chunk interface instead of JDBC rows:
     * the fast path for writing large results (no JDBC call and no object per cell). The result holds at most
     * {@code maxRecords + 1} rows; the caller closes it.
     *
     * @throws AdqlException as {@link #execute}
     */
    public ChunkedQueryResult executeChunked(String adql, QueryOptions options) {
        RunnableQuery query = runnable(adql, options);
        ConnectionPool.Lease lease = null;
        DuckDBPreparedStatement statement = null;
        String cachedSql = null;
        long startNanoTime = System.nanoTime();
        try {
            lease = connections.lease();
            if (query.isCacheable()) {
                cachedSql = query.untypedSql();
                statement = lease.cached(cachedSql, connection -> prepareTyped(connection, query));
                bind(statement, query.parameters());
            } else {
                statement = prepareTyped(lease.connection(), query);
            }
            statement.setQueryTimeout(timeoutSeconds(options));
            DuckDBChunkedResult chunks;
            InterruptWatch.Handle watch = interrupts.watch(statement);
            try {
                chunks = statement.query();
            } finally {
                watch.close();
                discardIfInterrupted(lease);
            }
            return new ChunkedQueryResult(query.columns(), chunks, statement, new QueryHold(lease, statement, cachedSql), options.maxRecords());
        } catch (SQLException e) {
            throw failure(e, lease, statement, cachedSql, query.sql(), query.parameters(), options, startNanoTime);
        }
    }

    /**
     * A checked, planned and translated query: its result columns, the SQL that gives at most maxRecords + 1 rows of
     * the documented types ({@link #typedOuterQuery}), the same rows as DuckDB types them (no CASTs), and the values of
     * the SQL's parameters ({@code $1, ...}; empty: literals only).
     */
    private record RunnableQuery(List<ColumnDoc> columns, String sql, String untypedSql, List<Object> parameters) {
        /**
         * Whether the statement is kept for later queries of the same text: only SQL with parameters, whose text
         * depends on the query's shape alone (literal SQL is usually one query's: keeping it would push out the rest).
         */
        boolean isCacheable() {
            return !parameters.isEmpty();
        }
    }

    private RunnableQuery runnable(String adql, QueryOptions options) {
        Planned planned = plan(adql, options);
        AnalyzedQuery analyzed = planned.query();
        // with uploads the SQL names this query's own files: parameters would not make its text reusable
        TranslatedQuery translated = options.uploads().isEmpty() ? Translation.toDuckDbWithParameters(analyzed, planned.tables())
                : Translation.toDuckDb(analyzed, planned.tables());
        long rowLimit = options.maxRecords() + 1;
        // a LIMIT appended to the query itself plans about 0.4 ms faster than a wrapping SELECT; not after its own LIMIT/OFFSET
        String untyped = hasOwnLimit(analyzed.tree()) ? "SELECT * FROM (" + translated.sql() + ") AS q LIMIT " + rowLimit
                : translated.sql() + " LIMIT " + rowLimit;
        return new RunnableQuery(analyzed.columns(), typedOuterQuery(analyzed.columns(), translated.sql(), rowLimit), untyped,
                translated.parameters());
    }

    /**
     * A caller interrupted while its statement ran may have had it cancelled just after it finished ({@link InterruptWatch}
     * cancels until the watch ends): its connection is not given back, so no later query meets that cancel.
     */
    private static void discardIfInterrupted(ConnectionPool.Lease lease) {
        if (Thread.currentThread().isInterrupted()) {
            lease.discard();
        }
    }

    private static DuckDBPreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return connection.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class);
    }

    /** Binds {@code $1, $2, ...} to {@code parameters} (Long or Double). */
    private static void bind(java.sql.PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    /** Whether the SQL of {@code query} ends in a LIMIT (TOP) or OFFSET of its own. */
    private static boolean hasOwnLimit(org.skysieve.query.tree.QueryExpression query) {
        return query.offset().isPresent()
                || query.body() instanceof org.skysieve.query.tree.SetExpression.Select select && select.top().isPresent();
    }

    /**
     * The query's statement: without the outer CAST layer when DuckDB already gives every result column its
     * documented type (the usual case: columns of the tables as published, whose documentation comes from the files),
     * else the typed outer query. Planning 33 CASTs costs DuckDB 1-2.5 ms, a third of a cone search's planning.
     */
    private static DuckDBPreparedStatement prepareTyped(Connection connection, RunnableQuery query) throws SQLException {
        DuckDBPreparedStatement untyped = null;
        try {
            untyped = connection.prepareStatement(query.untypedSql()).unwrap(DuckDBPreparedStatement.class);
            if (hasTypes(untyped.getMetaData(), query.columns())) {
                return untyped;
            }
        } catch (SQLException e) {
            // the typed query below fails the same way, with its own message (the one the error path explains)
        }
        closeQuietly(untyped);
        return connection.prepareStatement(query.sql()).unwrap(DuckDBPreparedStatement.class);
    }

    /** Whether the result columns have, in order, the SQL types of {@code columns}. */
    static boolean hasTypes(java.sql.ResultSetMetaData metadata, List<ColumnDoc> columns) throws SQLException {
        if (metadata == null || metadata.getColumnCount() != columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).type().sqlType().equalsIgnoreCase(metadata.getColumnTypeName(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private static int timeoutSeconds(QueryOptions options) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.timeout().toSeconds()));
    }

    /**
     * The error of a query that could not start: DuckDB's reason; its own statement closed, a kept statement dropped,
     * its connection closed (not given back: DuckDB may have left it interrupted).
     */
    private static AdqlException failure(SQLException e, ConnectionPool.Lease lease, Statement statement, String cachedSql, String sql,
            List<Object> parameters, QueryOptions options, long startNanoTime) {
        String reason = reason(e, lease == null ? null : lease.connection(), sql, parameters, options, startNanoTime);
        if (lease != null) {
            if (statement != null) {
                new QueryHold(lease, statement, cachedSql).end(true);
            } else {
                lease.discard();
                lease.close();
            }
        }
        return new AdqlException(AdqlException.Kind.EXECUTION, org.skysieve.query.tree.Position.SYNTHETIC,
                "the database could not run the query: " + reason, e);
    }

    /**
     * Runs {@code adql} straight into a Parquet file written by DuckDB (zstd level 1: for a 36-column survey result about
     * 10% less CPU than the default level for a file of the same size; no row passes through JDBC): at most
     * {@code maxRecords + 1} rows (one more than asked for, so the caller can tell an overflow), its columns named
     * {@code columnNames} (one per result column, unique), with {@code keyValueMetadata} in the footer. {@code file}
     * must be under a folder the engine may read (see {@link #open(Archive, List, List)}).
     *
     * @return the number of rows written
     * @throws AdqlException as {@link #execute}
     */
    /**
     * The compression of Parquet results: zstd level 1 unless the system property {@code skysieve.parquet.compression}
     * names another of DuckDB's codecs ({@code snappy}, {@code uncompressed}, ...; to measure the size/speed trade-off).
     */
    private static final String PARQUET_COMPRESSION = parquetCompression(System.getProperty("skysieve.parquet.compression", "zstd"));

    static String parquetCompression(String codec) {
        if (!codec.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Expected a DuckDB Parquet codec name for skysieve.parquet.compression"
                    + " (zstd, snappy, uncompressed, lz4_raw, ...). Actual: " + codec);
        }
        return codec.equals("zstd") ? "COMPRESSION zstd, COMPRESSION_LEVEL 1" : "COMPRESSION " + codec;
    }

    public long copyToParquet(String adql, QueryOptions options, Path file, List<String> columnNames,
            java.util.Map<String, String> keyValueMetadata) {
        requireNonNull(file, "file is null");
        requireNonNull(columnNames, "columnNames is null");
        requireNonNull(keyValueMetadata, "keyValueMetadata is null");
        Planned planned = plan(adql, options);
        AnalyzedQuery analyzed = planned.query();
        TableRegistry tables = planned.tables();
        if (columnNames.size() != analyzed.columns().size()) {
            throw new IllegalArgumentException("Expected one file column name per result column (" + analyzed.columns().size()
                    + "). Actual: " + columnNames.size());
        }
        TranslatedQuery translated = Translation.toDuckDb(analyzed, tables);
        String typed = typedOuterQuery(analyzed.columns(), translated.sql(), options.maxRecords() + 1);
        String named = columnNames.stream().map(SqlText::identifier).reduce((a, b) -> a + ", " + b).orElseThrow();
        String metadata = keyValueMetadata.entrySet().stream()
                .map(e -> SqlText.literal(e.getKey()) + ": " + SqlText.literal(e.getValue()))
                .reduce((a, b) -> a + ", " + b).map(m -> ", KV_METADATA {" + m + "}").orElse("");
        String copy = "COPY (SELECT * FROM (" + typed + ") AS r(" + named + ")) TO " + SqlText.literal(file.toAbsolutePath().toString())
                + " (FORMAT parquet, " + PARQUET_COMPRESSION + metadata + ")";
        long startNanoTime = System.nanoTime();
        try (Connection connection = database.duplicate(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds(options));
            InterruptWatch.Handle watch = interrupts.watch(statement);
            try {
                return statement.executeLargeUpdate(copy);
            } catch (SQLException e) {
                throw new AdqlException(AdqlException.Kind.EXECUTION, org.skysieve.query.tree.Position.SYNTHETIC,
                        "the database could not run the query: " + reason(e, connection, typed, List.of(), options, startNanoTime), e);
            } finally {
                watch.close();
            }
        } catch (SQLException e) {
            throw new AdqlException(AdqlException.Kind.EXECUTION, org.skysieve.query.tree.Position.SYNTHETIC,
                    "the database could not run the query: " + firstLine(e.getMessage()), e);
        }
    }

    /** A raw connection to the engine's database, for tests of the lock-down only. */
    Connection rawConnectionForTests() throws SQLException {
        return database.duplicate();
    }

    /**
     * Each column cast to the SQL type of its documentation, so that the JDBC values always have the declared type
     * (writers rely on it), named as documented; the inner columns are renamed by position first because a result
     * may have two columns of the same name. One row more than asked for, to detect overflow.
     */
    public static String typedOuterQuery(List<ColumnDoc> columns, String innerSql, long rowLimit) {
        StringBuilder positions = new StringBuilder();
        StringBuilder casts = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String position = "c" + (i + 1);
            positions.append(i == 0 ? "" : ", ").append(position);
            casts.append(i == 0 ? "" : ", ").append("CAST(").append(position).append(" AS ").append(columns.get(i).type().sqlType())
                    .append(") AS ").append(SqlText.identifier(columns.get(i).name()));
        }
        return "SELECT " + casts + " FROM (" + innerSql + ") AS q(" + positions + ") LIMIT " + rowLimit;
    }

    private TableRegistry registryFor(QueryOptions options) {
        requireNonNull(options, "options is null");
        if (options.uploads().isEmpty()) {
            return registry;
        }
        List<TableDescription> uploads = options.uploads().stream()
                .map(u -> new TableDescription("TAP_UPLOAD", u.name(), u.columns(), Optional.empty(),
                        new TableSource.ParquetFile(u.parquetFile())))
                .toList();
        return registry.with(uploads);
    }

    /**
     * DuckDB's message. DuckDB's JDBC driver loses the message of an error raised while a streamed query computes its
     * first rows ({@code Invalid result set}); then the same SQL runs once more on the query's own connection as
     * {@code EXPLAIN ANALYZE}, whose result is not streamed, so its error carries the message. Only this query's own
     * failure can be named (no state shared between queries). Not retried when the query was cancelled or its time
     * is spent. The retry stops at the same error (the SQL is deterministic but for row order) and at most at the
     * row limit of the outer query.
     */
    private static String reason(SQLException e, Connection connection, String sql, List<Object> parameters, QueryOptions options,
            long startNanoTime) {
        String message = firstLine(e.getMessage());
        long remainingSeconds = options.timeout().minusNanos(System.nanoTime() - startNanoTime).toSeconds();
        if (Thread.currentThread().isInterrupted()) {
            return "the query was cancelled: its caller was interrupted (" + message + ")";
        }
        if (System.nanoTime() - startNanoTime >= options.timeout().toNanos()) {
            return "the query ran past its time limit of " + options.timeout().toSeconds() + " s and was cancelled (" + message + ")";
        }
        if (!message.contains("Invalid result set") || connection == null || remainingSeconds < 1) {
            return message;
        }
        try (java.sql.PreparedStatement again = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            again.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, remainingSeconds));
            bind(again, parameters);
            again.execute();
            return message;
        } catch (SQLException explained) {
            String recovered = firstLine(explained.getMessage());
            return recovered.contains("Invalid result set") ? message : recovered;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // already failing: the first error is the one to report
            }
        }
    }

    @Override
    public void close() throws SQLException {
        interrupts.close();
        connections.close();
        database.close();
    }
}
