package org.skysieve.query;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.query.check.SortedHealpixRows;
import org.skysieve.query.check.TableDescription;
import org.skysieve.query.check.TableRegistry;
import org.skysieve.query.check.TableSource;

/**
 * Copies of published HATS tables held in the query database's memory, sorted on the HEALPix index column, which
 * queries read instead of the Parquet files: a cone search then skips DuckDB's row groups by their zone maps with no
 * file, footer or page to open, decompress or decode (the time to a cone's first rows falls about threefold; see
 * docs/tap.md). Opt-in and bounded: tables are copied smallest first while the copies fit in a budget of bytes; a
 * table that does not fit stays on its files. The HATS files stay the source of truth (the copies are made when the
 * engine opens and never written back); TAP_SCHEMA and every other metadata are unchanged, and a query's result is
 * the same either way (but for the order of rows without ORDER BY, which ADQL leaves open).
 *
 * <p>Sizes: a copy is uncompressed DuckDB columns (about 270 bytes per row for the 36 columns of the synthetic
 * deep_optical, 2.0 times the Parquet data uncompressed, 2.6 times the zstd files on disk). Before copying, a table's size is
 * estimated from its Parquet footers ({@link #estimatedBytes}); after, the memory DuckDB reports for in-memory tables
 * is what counts against the budget, and a copy beyond it is dropped. Immutable after {@link #load}; thread-safe.
 */
public final class MemoryTables {
    /** The schema of the copies in the query database (not reachable from ADQL: the SQL comes from the checked tree). */
    static final String SCHEMA = "skysieve_memory";

    /**
     * One table copied into memory.
     *
     * @param tableName the ADQL name {@code survey.table}
     * @param sqlName   the quoted SQL name of the copy
     * @param rows      its rows
     * @param bytes     the memory it takes in DuckDB (in-memory table blocks)
     * @param loadTime  the time it took to read the files, sort and store the rows
     */
    public record Loaded(String tableName, String sqlName, long rows, long bytes, Duration loadTime) {
        public Loaded {
            requireNonNull(tableName, "tableName is null");
            requireNonNull(sqlName, "sqlName is null");
            requireNonNull(loadTime, "loadTime is null");
        }
    }

    /**
     * A table left on its files, and why.
     *
     * @param tableName the ADQL name {@code survey.table}
     * @param reason    e.g. {@code needs about 412 MiB, 100 MiB of the budget left}
     */
    public record Skipped(String tableName, String reason) {
        public Skipped {
            requireNonNull(tableName, "tableName is null");
            requireNonNull(reason, "reason is null");
        }
    }

    private static final MemoryTables NONE = new MemoryTables(0, List.of(), List.of(), Map.of());
    private final long budgetBytes;
    private final List<Loaded> loaded;
    private final List<Skipped> skipped;
    private final Map<String, SortedHealpixRows> sortedRows;

    private MemoryTables(long budgetBytes, List<Loaded> loaded, List<Skipped> skipped, Map<String, SortedHealpixRows> sortedRows) {
        this.budgetBytes = budgetBytes;
        this.loaded = List.copyOf(loaded);
        this.skipped = List.copyOf(skipped);
        this.sortedRows = Collections.unmodifiableMap(new LinkedHashMap<>(sortedRows));
    }

    /** No copies (the default: every table read from its files). */
    public static MemoryTables none() {
        return NONE;
    }

    /**
     * Copies the HATS tables of {@code registry} that have a HEALPix index column into schema {@value #SCHEMA} of
     * {@code database}, smallest estimate first, while the copies fit in {@code budgetBytes} together. The caller
     * makes sure the database may hold that much beside its queries ({@code memory_limit}) and keeps insertion order
     * while loading (the copies must keep the sort).
     *
     * @throws SQLException when a copy fails for another reason than the budget
     */
    static MemoryTables load(Connection database, TableRegistry registry, long budgetBytes) throws SQLException {
        requireNonNull(database, "database is null");
        requireNonNull(registry, "registry is null");
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("Expected a memory table budget >= 0 bytes. Actual: " + budgetBytes);
        }
        if (budgetBytes == 0) {
            return none();
        }
        record Candidate(TableDescription table, HatsCatalog catalogue, long estimate) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (TableDescription table : registry.tables()) {
            if (table.source() instanceof TableSource.Hats hats && table.position().isPresent() && hats.memoryTable().isEmpty()) {
                candidates.add(new Candidate(table, hats.catalogue(), estimatedBytes(database, hats.catalogue())));
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::estimate));
        List<Loaded> loaded = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<String, SortedHealpixRows> sortedRows = new LinkedHashMap<>();
        long used = 0;
        try (Statement statement = database.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlText.identifier(SCHEMA));
            for (Candidate candidate : candidates) {
                String name = candidate.table().qualifiedName();
                if (used + candidate.estimate() > budgetBytes) {
                    skipped.add(new Skipped(name, "needs about " + mebibytes(candidate.estimate()) + " MiB, "
                            + mebibytes(budgetBytes - used) + " MiB of the budget left"));
                    continue;
                }
                String sqlName = SqlText.identifier(SCHEMA) + "." + SqlText.identifier(name);
                long before = inMemoryTableBytes(statement);
                long start = System.nanoTime();
                statement.execute("CREATE TABLE " + sqlName + " AS SELECT * FROM read_parquet(" + candidate.catalogue().duckDbFileList()
                        + ", hive_partitioning = false) ORDER BY " + SqlText.identifier(candidate.catalogue().healpixColumn()));
                Duration loadTime = Duration.ofNanos(System.nanoTime() - start);
                long bytes = Math.max(0, inMemoryTableBytes(statement) - before);
                if (used + bytes > budgetBytes) {
                    statement.execute("DROP TABLE " + sqlName);
                    skipped.add(new Skipped(name, "took " + mebibytes(bytes) + " MiB once copied, " + mebibytes(budgetBytes - used)
                            + " MiB of the budget left"));
                    continue;
                }
                used += bytes;
                loaded.add(new Loaded(name, sqlName, candidate.catalogue().rowCount(), bytes, loadTime));
                sortedRowsOf(statement, sqlName, candidate.catalogue().healpixColumn()).ifPresent(rows -> sortedRows.put(name, rows));
            }
        }
        return new MemoryTables(budgetBytes, loaded, skipped, sortedRows);
    }

    /**
     * The copy's HEALPix values by {@code rowid}, when its rows are in HEALPix order by {@code rowid} (a copy made by
     * {@code CREATE TABLE AS ... ORDER BY} while insertion order is kept: verified here, row by row, not assumed),
     * every value is present and the row numbers are 0 to rows - 1; else empty (the copy is then queried by its
     * HEALPix values, as before). Reads the column once (about 0.2 s per million rows).
     */
    static Optional<SortedHealpixRows> sortedRowsOf(Statement statement, String sqlName, String healpixColumn) throws SQLException {
        long count;
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + sqlName)) {
            rows.next();
            count = rows.getLong(1);
        }
        if (count > Integer.MAX_VALUE - 8) {
            return Optional.empty();
        }
        long[] values = new long[(int) count];
        int row = 0;
        try (ResultSet rows = statement.executeQuery("SELECT rowid, " + SqlText.identifier(healpixColumn) + " FROM " + sqlName
                + " ORDER BY rowid")) {
            while (rows.next()) {
                long value = rows.getLong(2);
                if (rows.wasNull() || row >= values.length || rows.getLong(1) != row || (row > 0 && value < values[row - 1])) {
                    return Optional.empty();
                }
                values[row++] = value;
            }
        }
        return row == values.length ? Optional.of(SortedHealpixRows.of(values)) : Optional.empty();
    }

    /**
     * The memory a copy of {@code catalogue} is expected to take: per column, the rows times the width of its
     * physical type (strings: a 16-byte entry plus their bytes as the Parquet footers count them, uncompressed),
     * plus a validity bit per value.
     */
    static long estimatedBytes(Connection database, HatsCatalog catalogue) throws SQLException {
        long rows = catalogue.rowCount();
        long total = 0;
        try (Statement statement = database.createStatement();
                ResultSet columns = statement.executeQuery("SELECT type, sum(total_uncompressed_size) FROM parquet_metadata("
                        + catalogue.duckDbFileList() + ") GROUP BY path_in_schema, type")) {
            while (columns.next()) {
                String type = columns.getString(1);
                long uncompressed = columns.getLong(2);
                long width = switch (type == null ? "" : type) {
                    case "BOOLEAN" -> 1;
                    case "INT32", "FLOAT" -> 4;
                    case "INT64", "DOUBLE" -> 8;
                    case "INT96" -> 12;
                    default -> 16;
                };
                total += rows * width + rows / 8 + ("BYTE_ARRAY".equals(type) ? uncompressed : 0);
            }
        }
        return total;
    }

    private static long inMemoryTableBytes(Statement statement) throws SQLException {
        try (ResultSet memory = statement.executeQuery("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()"
                + " WHERE tag = 'IN_MEMORY_TABLE'")) {
            memory.next();
            return memory.getLong(1);
        }
    }

    private static long mebibytes(long bytes) {
        return Math.round(bytes / (double) (1L << 20));
    }

    /** The budget the copies had to fit in, in bytes (0: none asked for). */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** The tables copied, smallest first. */
    public List<Loaded> loaded() {
        return loaded;
    }

    /** The tables that did not fit and stay on their files. */
    public List<Skipped> skipped() {
        return skipped;
    }

    /** The memory all copies take, in bytes. */
    public long usedBytes() {
        return loaded.stream().mapToLong(Loaded::bytes).sum();
    }

    /**
     * ADQL table name to the HEALPix values by row number of its copy ({@link SortedHealpixRows}), for the copies whose
     * row order was verified (normally all); on the Java heap beside the copies, {@link #sortedRowsBytes()} in all.
     */
    public Map<String, SortedHealpixRows> sortedRows() {
        return sortedRows;
    }

    /** The heap the {@link #sortedRows()} take, in bytes (8 per row). */
    public long sortedRowsBytes() {
        return sortedRows.values().stream().mapToLong(SortedHealpixRows::bytes).sum();
    }

    /** ADQL table name to the SQL name of its copy. */
    Map<String, String> sqlNames() {
        Map<String, String> names = new LinkedHashMap<>();
        loaded.forEach(table -> names.put(table.tableName(), table.sqlName()));
        return names;
    }
}
