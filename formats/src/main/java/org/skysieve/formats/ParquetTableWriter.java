package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * Parquet written by DuckDB: TAP's writer for results with geometry columns (Parquet lists), which
 * {@link StreamingParquetWriter}, the writer of every other Parquet result, hands over here; the VOParquet metadata and
 * file column names of both writers come from here.
 *
 * <p>Parquet with VOParquet metadata (IVOA Note "Parquet in the VO" 1.0: key {@code IVOA.VOTable-Parquet.version} =
 * {@code 1.0} and {@code IVOA.VOTable-Parquet.content} = a data-less VOTable with every FIELD, and the OVERFLOW INFO
 * when the result was cut). Parquet needs its footer at the end, so the rows are appended to a DuckDB database file
 * in {@code spoolFolder}, copied to a zstd (level 1) Parquet file there, and that file is streamed; both are deleted afterwards.
 * Memory stays bounded by DuckDB's buffers, not by the result size.
 *
 * <p>Column names that repeat in a result (two tables' {@code ra}) get a suffix {@code _2}, {@code _3}, ... in the
 * file; the VOTable FIELDs keep the result's names in order. POINT, CIRCLE and POLYGON columns are Parquet
 * {@code LIST<DOUBLE>} columns, their DALI xtype and arraysize in the VOParquet FIELDs.
 */
public final class ParquetTableWriter implements TableWriter {
    public static final String VOPARQUET_VERSION_KEY = "IVOA.VOTable-Parquet.version";
    public static final String VOPARQUET_CONTENT_KEY = "IVOA.VOTable-Parquet.content";
    private final Path spoolFolder;

    public ParquetTableWriter(Path spoolFolder) {
        this.spoolFolder = requireNonNull(spoolFolder, "spoolFolder is null");
    }

    @Override
    public TableFormat format() {
        return TableFormat.PARQUET;
    }

    @Override
    public WriteSummary write(List<ColumnDoc> columns, List<String> xtypes, RowSource rows, long maxRows, OutputStream out)
            throws IOException, SQLException {
        Files.createDirectories(spoolFolder);
        Path database = Files.createTempFile(spoolFolder, "parquet-spool-", ".duckdb");
        Path parquet = Files.createTempFile(spoolFolder, "parquet-spool-", ".parquet");
        Files.delete(database);
        try {
            Properties properties = new Properties();
            properties.setProperty("autoinstall_known_extensions", "false");
            properties.setProperty("autoload_known_extensions", "false");
            WriteSummary summary;
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database, properties)) {
                List<String> names = uniqueNames(columns);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET preserve_insertion_order = true");
                    StringBuilder create = new StringBuilder("CREATE TABLE result (");
                    for (int i = 0; i < columns.size(); i++) {
                        create.append(i == 0 ? "" : ", ").append(SqlText.identifier(names.get(i))).append(' ')
                                .append(columns.get(i).type().sqlType());
                    }
                    statement.execute(create.append(')').toString());
                }
                summary = append(columns, rows, maxRows, (DuckDBConnection) connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("COPY result TO " + SqlText.literal(parquet.toString())
                            + " (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, KV_METADATA {"
                            + SqlText.literal(VOPARQUET_VERSION_KEY) + ": '1.0', "
                            + SqlText.literal(VOPARQUET_CONTENT_KEY) + ": "
                            + SqlText.literal(VoTableDocuments.fieldsOnly(columns, summary.overflow())) + "})");
                }
            }
            Files.copy(parquet, out);
            out.flush();
            return summary;
        } finally {
            Files.deleteIfExists(database);
            Files.deleteIfExists(Path.of(database + ".wal"));
            Files.deleteIfExists(parquet);
        }
    }

    private static WriteSummary append(List<ColumnDoc> columns, RowSource rows, long maxRows, DuckDBConnection connection) throws SQLException {
        LimitedBatches limited = new LimitedBatches(rows, new ColumnBatch(columns), maxRows);
        ColumnBatch batch = limited.batch();
        try (DuckDBAppender appender = connection.createAppender("main", "result")) {
            while (limited.next()) {
                for (int row = 0; row < batch.rowCount; row++) {
                    appender.beginRow();
                    for (int i = 0; i < batch.types.length; i++) {
                        if (batch.nulls[i][row]) {
                            appender.appendNull();
                            continue;
                        }
                        switch (batch.types[i]) {
                            case BOOLEAN -> appender.append(batch.longs[i][row] != 0);
                            case SHORT -> appender.append((short) batch.longs[i][row]);
                            case INT -> appender.append((int) batch.longs[i][row]);
                            case LONG -> appender.append(batch.longs[i][row]);
                            case FLOAT -> appender.append(batch.floats[i][row]);
                            case DOUBLE -> appender.append(batch.doubles[i][row]);
                            case STRING -> appender.append(batch.getString(i, row));
                            case POINT, CIRCLE, POLYGON -> appender.append(batch.arrays[i][row]);
                        }
                    }
                    appender.endRow();
                }
            }
        }
        return limited.summary();
    }

    /** The VOParquet key-value metadata of a result with these columns (marked cut when {@code overflow}). */
    public static java.util.Map<String, String> voParquetMetadata(List<ColumnDoc> columns, boolean overflow) {
        java.util.Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put(VOPARQUET_VERSION_KEY, "1.0");
        metadata.put(VOPARQUET_CONTENT_KEY, VoTableDocuments.fieldsOnly(columns, overflow));
        return java.util.Collections.unmodifiableMap(metadata);
    }

    /** The column names in the file: the result's, a repeated name suffixed {@code _2}, {@code _3}, ... */
    public static List<String> fileColumnNames(List<ColumnDoc> columns) {
        return uniqueNames(columns);
    }

    /**
     * Copies the first {@code maxRows} rows of a Parquet file written for {@code columns} (e.g. by the query engine
     * directly, with one row beyond the limit) to {@code target}, marked as cut in its VOParquet metadata.
     */
    public static void copyCut(Path source, Path target, List<ColumnDoc> columns, long maxRows) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
                Statement statement = connection.createStatement()) {
            statement.execute("SET preserve_insertion_order = true");
            statement.execute("COPY (SELECT * FROM read_parquet(" + SqlText.literal(source.toString()) + ") LIMIT " + maxRows + ") TO "
                    + SqlText.literal(target.toString()) + " (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, KV_METADATA {"
                    + SqlText.literal(VOPARQUET_VERSION_KEY) + ": '1.0', " + SqlText.literal(VOPARQUET_CONTENT_KEY) + ": "
                    + SqlText.literal(VoTableDocuments.fieldsOnly(columns, true)) + "})");
        }
    }

    private static List<String> uniqueNames(List<ColumnDoc> columns) {
        Set<String> seen = new HashSet<>();
        return columns.stream().map(column -> {
            String name = column.name();
            for (int suffix = 2; !seen.add(name.toLowerCase(Locale.ROOT)); suffix++) {
                name = column.name() + "_" + suffix;
            }
            return name;
        }).toList();
    }
}
