package org.skysieve.server.tap;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.tap.TapMetadata;
import org.skysieve.catalog.tap.TapSchemaTables;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * TEST FAKE, to be replaced by the real ADQL engine ({@code org.skysieve.query.QueryEngine}): it runs the query text
 * as DuckDB SQL, unparsed and unchecked, so it must never run outside tests. It exists so that the TAP protocol can
 * be tested before the engine lands.
 *
 * <p>What it does: one in-memory DuckDB with a schema per survey and a view {@code survey.table} over the table's HATS
 * Parquet files (without {@code _healpix_29}), and the TAP_SCHEMA tables ({@link TapSchemaTables}). Two textual
 * rewrites make common ADQL run: {@code SELECT [DISTINCT] TOP n ...} becomes {@code ... LIMIT n}, and
 * {@code TAP_UPLOAD.name} becomes {@code read_parquet('file')}. Anything else DuckDB does not understand (geometry,
 * ADQL functions) fails as a BAD_REQUEST whose message says the fake rejected it. Column documentation is taken from
 * the catalogue column of the same name and type, when there is one.
 */
final class SqlPassthroughExecutor implements org.skysieve.server.tap.AdqlExecutor, AutoCloseable {
    private static final Pattern TOP = Pattern.compile("^\\s*SELECT\\s+(DISTINCT\\s+)?TOP\\s+(\\d+)\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPLOAD = Pattern.compile("\\bTAP_UPLOAD\\.(\\w+)", Pattern.CASE_INSENSITIVE);
    private final DuckDBConnection connection;
    private final TapMetadata metadata;

    SqlPassthroughExecutor(Archive archive) throws SQLException {
        this.metadata = TapMetadata.of(archive);
        this.connection = (DuckDBConnection) DuckDbConnections.openInMemory();
        try (Statement statement = connection.createStatement()) {
            for (PublishedSurvey survey : archive.surveys()) {
                statement.execute("CREATE SCHEMA " + SqlText.identifier(survey.survey().name()));
                for (PublishedTable table : survey.tables()) {
                    HatsCatalog catalog = HatsCatalog.open(table.catalogueFolder());
                    statement.execute("CREATE VIEW " + SqlText.identifier(survey.survey().name()) + "." + SqlText.identifier(table.table().name())
                            + " AS SELECT * EXCLUDE (" + SqlText.identifier(catalog.healpixColumn()) + ") FROM read_parquet("
                            + catalog.duckDbFileList() + ", hive_partitioning = false)");
                }
            }
        }
        TapSchemaTables.create(connection, metadata);
    }

    @Override
    public ExecutedQuery execute(String adql, long maxrec, List<UploadedTable> uploads, Duration timeout) {
        String sql = rewrite(adql, uploads);
        Connection duplicate = null;
        Statement statement = null;
        try {
            duplicate = connection.duplicate();
            statement = duplicate.createStatement();
            statement.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds())));
            ResultSet rows = statement.executeQuery(sql);
            Connection toClose = duplicate;
            Statement statementToClose = statement;
            List<ColumnDoc> columns = columns(rows.getMetaData());
            List<String> xtypes = columns.stream().map(column -> uploads.stream()
                    .flatMap(upload -> java.util.stream.IntStream.range(0, upload.columns().size())
                            .filter(i -> upload.columns().get(i).name().equalsIgnoreCase(column.name()))
                            .mapToObj(i -> upload.xtypes().get(i)))
                    .findFirst().orElse("")).toList();
            return new ExecutedQuery(columns, rows, () -> {
                statementToClose.close();
                toClose.close();
            }, xtypes);
        } catch (SQLException e) {
            closeQuietly(statement, duplicate);
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "The query was rejected (by the SQL test fake, not an ADQL"
                    + " parser): " + message, e);
        }
    }

    private static String rewrite(String adql, List<UploadedTable> uploads) {
        String sql = adql.strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        Matcher top = TOP.matcher(sql);
        if (top.find()) {
            sql = "SELECT " + (top.group(1) == null ? "" : "DISTINCT ") + sql.substring(top.end()) + "\nLIMIT " + top.group(2);
        }
        Matcher upload = UPLOAD.matcher(sql);
        StringBuilder replaced = new StringBuilder();
        while (upload.find()) {
            String name = upload.group(1);
            UploadedTable table = uploads.stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new ServiceException(ErrorCategory.BAD_REQUEST, "Expected an uploaded table named " + name
                            + ". Actual: uploads " + uploads.stream().map(UploadedTable::name).toList()));
            upload.appendReplacement(replaced, Matcher.quoteReplacement("read_parquet(" + SqlText.literal(table.parquetFile().toString()) + ")"));
        }
        upload.appendTail(replaced);
        return replaced.toString();
    }

    private List<ColumnDoc> columns(ResultSetMetaData meta) throws SQLException {
        List<ColumnDoc> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i);
            ColumnType type = type(meta.getColumnTypeName(i));
            Optional<ColumnDoc> documented = metadata.tables().stream().flatMap(t -> t.columns().stream())
                    .filter(c -> c.name().equalsIgnoreCase(name) && c.type() == type).findFirst();
            columns.add(documented.map(doc -> new ColumnDoc(name, type, doc.unit(), doc.ucd(), doc.description(), doc.nullMeaning(),
                    doc.band(), doc.flags())).orElse(ColumnDoc.of(name, type, "", "", "")));
        }
        return columns;
    }

    private static ColumnType type(String sqlType) {
        String upper = sqlType.toUpperCase(Locale.ROOT);
        if (upper.equals("BOOLEAN")) {
            return ColumnType.BOOLEAN;
        }
        if (upper.equals("SMALLINT") || upper.equals("TINYINT") || upper.equals("UTINYINT")) {
            return ColumnType.SHORT;
        }
        if (upper.equals("INTEGER") || upper.equals("USMALLINT")) {
            return ColumnType.INT;
        }
        if (upper.equals("BIGINT") || upper.equals("UINTEGER") || upper.equals("HUGEINT") || upper.equals("UBIGINT")) {
            return ColumnType.LONG;
        }
        if (upper.equals("FLOAT")) {
            return ColumnType.FLOAT;
        }
        if (upper.equals("DOUBLE") || upper.startsWith("DECIMAL")) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.STRING;
    }

    private static void closeQuietly(Statement statement, Connection duplicate) {
        try {
            if (statement != null) {
                statement.close();
            }
            if (duplicate != null) {
                duplicate.close();
            }
        } catch (SQLException ignored) {
            // closing after a failure: the original failure is what the client needs to see
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
