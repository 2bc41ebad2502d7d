package org.skysieve.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.query.QueryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skysieve query}: runs one ADQL query over a data folder and writes the rows to standard output. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one ADQL 2.1 query over a data folder; rows go to standard output.",
            "Tables are named survey.table (e.g. deep_optical.sources)."})
final class QueryCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder (from generate or ingest).")
    Path data;

    @Option(names = "--format", defaultValue = "csv", description = "Output format: csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--maxrec", defaultValue = "100000000", description = "At most this many rows (default: ${DEFAULT-VALUE});"
            + " a warning on standard error says when the result was cut.")
    long maxRecords;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds the query may run (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Parameters(paramLabel = "ADQL", description = "The query, e.g. \"SELECT TOP 10 * FROM deep_optical.sources\".")
    String adql;

    @Override
    public Integer call() throws IOException, SQLException {
        if (!format.equals("csv")) {
            throw new IllegalArgumentException("Expected --format csv (other formats come with the formats module). Actual: " + format);
        }
        try (QueryEngine engine = QueryEngine.open(Archive.open(data));
                QueryResult result = engine.execute(adql, QueryOptions.of(maxRecords, Duration.ofSeconds(timeoutSeconds)))) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            CsvRows.write(result, out);
            out.flush();
            if (result.overflow()) {
                System.err.println("skysieve query: the result has more than " + maxRecords + " rows; only the first "
                        + maxRecords + " were written (raise --maxrec)");
            }
        }
        return 0;
    }

    /** RFC 4180 CSV: a header of column names, then one line per row; null is an empty field. */
    static final class CsvRows {
        private CsvRows() {
        }

        static void write(QueryResult result, Writer out) throws IOException, SQLException {
            int count = result.columns().size();
            for (int i = 0; i < count; i++) {
                ColumnDoc column = result.columns().get(i);
                out.write((i == 0 ? "" : ",") + field(column.name()));
            }
            out.write("\r\n");
            while (result.next()) {
                for (int i = 0; i < count; i++) {
                    Object value = result.rows().getObject(i + 1);
                    out.write((i == 0 ? "" : ",") + (value == null ? "" : field(value.toString())));
                }
                out.write("\r\n");
            }
        }

        static String field(String text) {
            if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
                return text;
            }
            return '"' + text.replace("\"", "\"\"") + '"';
        }
    }
}
