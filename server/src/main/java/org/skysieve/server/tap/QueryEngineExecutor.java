package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.tap.TapMetadata;
import org.skysieve.catalog.tap.TapSchemaTables;
import org.skysieve.formats.DuckDbChunkRows;
import org.skysieve.formats.ResultSetRows;
import org.skysieve.formats.ParquetTableWriter;
import org.skysieve.formats.WriteSummary;
import org.skysieve.query.AdqlException;
import org.skysieve.query.EngineResources;
import org.skysieve.query.ChunkedQueryResult;
import org.skysieve.query.QueryResult;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.query.check.TableDescription;
import org.skysieve.query.check.TableSource;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * The {@link AdqlExecutor} of the real ADQL engine ({@link QueryEngine}): published surveys, {@code TAP_SCHEMA} and
 * {@code TAP_UPLOAD.name} are queryable.
 *
 * <p>On {@link #open} the TAP_SCHEMA tables ({@link TapSchemaTables}, from the same {@link TapMetadata} as VOSI
 * tables) are written as Parquet files under {@code workFolder/tap_schema} and given to the engine as extra tables;
 * the engine may also read uploads, which TAP keeps under {@code workFolder} (the jobs folder). The engine fetches
 * {@code maxrec + 1} rows so that the writers can mark an overflow. An {@link AdqlException} becomes a
 * {@link ServiceException} of category {@code BAD_REQUEST} whose message reads {@code error at LINE:COLUMN: what}.
 * Thread-safe (the engine is; each query has its own connection). {@link #close()} closes the engine.
 */
public final class QueryEngineExecutor implements AdqlExecutor, AutoCloseable {
    private final QueryEngine engine;

    private final Path workFolder;

    private QueryEngineExecutor(QueryEngine engine, Path workFolder) {
        this.engine = engine;
        this.workFolder = workFolder;
    }

    /** An executor over {@code archive}, keeping its TAP_SCHEMA files under {@code workFolder} and reading uploads there. */
    public static QueryEngineExecutor open(Archive archive, Path workFolder) {
        return open(archive, workFolder, EngineResources.defaults());
    }

    /** As {@link #open(Archive, Path)}, DuckDB bounded by {@code resources} (threads, memory). */
    public static QueryEngineExecutor open(Archive archive, Path workFolder, EngineResources resources) {
        requireNonNull(archive, "archive is null");
        requireNonNull(resources, "resources is null");
        requireNonNull(workFolder, "workFolder is null");
        try {
            Path folder = Files.createDirectories(workFolder).toAbsolutePath().normalize();
            List<TableDescription> tapSchema = writeTapSchema(TapMetadata.of(archive), folder.resolve("tap_schema"));
            return new QueryEngineExecutor(QueryEngine.open(archive, tapSchema, List.of(folder), resources), folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the TAP_SCHEMA tables under " + workFolder + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the TAP_SCHEMA tables under " + workFolder + ": " + e.getMessage(), e);
        }
    }

    /** The engine behind this executor (for commands that also run ADQL directly). */
    public QueryEngine engine() {
        return engine;
    }

    @Override
    public ExecutedQuery execute(String adql, long maxrec, List<UploadedTable> uploads, Duration timeout) {
        requireNonNull(adql, "adql is null");
        requireNonNull(uploads, "uploads is null");
        List<QueryOptions.UploadedTable> tables = uploadTables(uploads);
        ChunkedQueryResult result;
        try {
            result = engine.executeChunked(adql, new QueryOptions(Math.min(maxrec, Long.MAX_VALUE - 1), timeout, tables));
        } catch (AdqlException e) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, e.getMessage(), e);
        }
        // The result holds at most maxrec + 1 rows (the engine's LIMIT): the writers read its chunks and mark the overflow.
        if (DuckDbChunkRows.canRead(result.columns())) {
            return new ExecutedQuery(result.columns(), new DuckDbChunkRows(result.chunks()), result, xtypes(result.columns(), uploads));
        }
        // geometry values (DuckDB lists) cannot be read from chunks: run again through JDBC rows (rare; the scalar path is untouched)
        try {
            result.close();
        } catch (SQLException e) {
            throw new ServiceException(ErrorCategory.INTERNAL, "The query could not be closed: " + e.getMessage(), e);
        }
        QueryResult rows;
        try {
            rows = engine.execute(adql, new QueryOptions(Math.min(maxrec, Long.MAX_VALUE - 1), timeout, tables));
        } catch (AdqlException e) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, e.getMessage(), e);
        }
        return new ExecutedQuery(rows.columns(), new ResultSetRows(rows.rows()), rows, xtypes(rows.columns(), uploads));
    }

    /**
     * DuckDB writes the Parquet file itself ({@code COPY}), one row beyond {@code maxrec} to tell an overflow; only
     * when there is one is the file copied again without that row and marked cut. The spool folder must be under the
     * work folder (the engine may write nowhere else); otherwise empty.
     */
    @Override
    public Optional<ParquetResult> executeToParquet(String adql, long maxrec, List<UploadedTable> uploads, Duration timeout,
            Path spoolFolder) {
        Path spool = spoolFolder.toAbsolutePath().normalize();
        if (!spool.startsWith(workFolder)) {
            return Optional.empty();
        }
        QueryOptions options = new QueryOptions(Math.min(maxrec, Long.MAX_VALUE - 1), timeout, uploadTables(uploads));
        Path file = null;
        try {
            Files.createDirectories(spool);
            file = Files.createTempFile(spool, "result-", ".parquet");
            List<ColumnDoc> columns = engine.check(adql, options).columns();
            long rows = engine.copyToParquet(adql, options, file, ParquetTableWriter.fileColumnNames(columns),
                    ParquetTableWriter.voParquetMetadata(columns, false));
            if (rows <= maxrec) {
                return Optional.of(new ParquetResult(file, new WriteSummary(rows, false)));
            }
            Path cut = Files.createTempFile(spool, "result-", ".parquet");
            Files.delete(cut);
            ParquetTableWriter.copyCut(file, cut, columns, maxrec);
            Files.delete(file);
            return Optional.of(new ParquetResult(cut, new WriteSummary(maxrec, true)));
        } catch (AdqlException e) {
            deleteQuietly(file);
            throw new ServiceException(ErrorCategory.BAD_REQUEST, e.getMessage(), e);
        } catch (IOException | SQLException e) {
            deleteQuietly(file);
            throw new ServiceException(ErrorCategory.INTERNAL, "The Parquet result could not be written: " + e.getMessage(), e);
        }
    }

    private static List<QueryOptions.UploadedTable> uploadTables(List<UploadedTable> uploads) {
        return uploads.stream()
                .map(u -> new QueryOptions.UploadedTable(u.name(), u.parquetFile().toAbsolutePath().normalize(), u.columns()))
                .toList();
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // already failing: the first error is the one to report
        }
    }

    /** A result column named like an upload column takes that column's xtype (what the uploaded file said). */
    private static List<String> xtypes(List<ColumnDoc> columns, List<UploadedTable> uploads) {
        List<String> xtypes = new ArrayList<>();
        for (ColumnDoc column : columns) {
            String xtype = "";
            for (UploadedTable upload : uploads) {
                for (int i = 0; i < upload.columns().size() && xtype.isEmpty(); i++) {
                    ColumnDoc uploaded = upload.columns().get(i);
                    if (uploaded.name().equalsIgnoreCase(column.name()) && uploaded.type() == column.type()) {
                        xtype = upload.xtypes().get(i);
                    }
                }
            }
            xtypes.add(xtype);
        }
        return xtypes;
    }

    /** Writes each TAP_SCHEMA table to {@code folder/NAME.parquet} (replacing older files) and describes it. */
    static List<TableDescription> writeTapSchema(TapMetadata metadata, Path folder) throws IOException, SQLException {
        Folders.deleteRecursively(folder);
        Files.createDirectories(folder);
        TapMetadata.Schema schema = metadata.schemas().stream().filter(s -> s.name().equals(TapMetadata.TAP_SCHEMA)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Expected the metadata to describe TAP_SCHEMA. Actual: it does not"));
        List<TableDescription> tables = new ArrayList<>();
        try (Connection connection = DuckDbConnections.openInMemory()) {
            TapSchemaTables.create(connection, metadata);
            try (Statement statement = connection.createStatement()) {
                for (TapMetadata.Table table : schema.tables()) {
                    String name = table.qualifiedName().substring(table.qualifiedName().indexOf('.') + 1);
                    Path file = folder.resolve(name + ".parquet");
                    statement.execute("COPY " + SqlText.identifier(TapMetadata.TAP_SCHEMA) + "." + SqlText.identifier(name) + " TO "
                            + SqlText.literal(file.toString()) + " (FORMAT parquet)");
                    tables.add(new TableDescription(TapMetadata.TAP_SCHEMA, name, undelimited(table.columns()), Optional.empty(),
                            new TableSource.ParquetFile(file)));
                }
            }
        }
        return List.copyOf(tables);
    }

    /**
     * The metadata spells a reserved word as ADQL must write it ({@code "size"}); the engine wants the column's own
     * name ({@code size}), which a delimited identifier in a query then matches.
     */
    private static List<ColumnDoc> undelimited(List<ColumnDoc> columns) {
        return columns.stream().map(c -> c.name().startsWith("\"") && c.name().endsWith("\"") && c.name().length() > 2
                ? new ColumnDoc(c.name().substring(1, c.name().length() - 1), c.type(), c.unit(), c.ucd(), c.description(),
                        c.nullMeaning(), c.band(), c.flags())
                : c).toList();
    }

    @Override
    public void close() throws SQLException {
        engine.close();
    }
}
