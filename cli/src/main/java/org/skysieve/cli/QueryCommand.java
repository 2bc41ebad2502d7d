package org.skysieve.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.formats.TableFormat;
import org.skysieve.formats.TableWriters;
import org.skysieve.formats.WriteSummary;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.query.QueryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skysieve query}: runs one ADQL query over a data folder and writes the rows to standard output in one of the
 * formats of the TAP service (the same writers, so the same column documentation and overflow marks).
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one ADQL 2.1 query over a data folder; rows go to standard output.",
            "Tables are named survey.table (e.g. deep_optical.sources)."})
final class QueryCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder (from generate or ingest).")
    Path data;

    @Option(names = "--format", defaultValue = "csv", description = "Output format: csv, tsv, votable (BINARY2), votable/td"
            + " (TABLEDATA), fits or parquet, or a MIME type as TAP's RESPONSEFORMAT takes (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--maxrec", defaultValue = "100000000", description = "At most this many rows (default: ${DEFAULT-VALUE});"
            + " a warning on standard error says when the result was cut (VOTable, FITS and Parquet also mark it).")
    long maxRecords;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds the query may run (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Parameters(paramLabel = "ADQL", description = "The query, e.g. \"SELECT TOP 10 * FROM deep_optical.sources\".")
    String adql;

    @Override
    public Integer call() throws IOException, SQLException {
        TableFormat tableFormat = TableFormat.fromName(format).orElseThrow(() -> new IllegalArgumentException(
                "Expected --format among " + Arrays.stream(TableFormat.values()).map(f -> f.aliases().get(0))
                        .collect(Collectors.joining(", ")) + ". Actual: " + format));
        // FITS and Parquet need the row count first: they spool to a temporary folder, removed afterwards
        Path spool = Files.createTempDirectory("skysieve-query-");
        try (QueryEngine engine = QueryEngine.open(Archive.open(data));
                QueryResult result = engine.execute(adql, QueryOptions.of(maxRecords, Duration.ofSeconds(timeoutSeconds)))) {
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            // the result set holds at most maxRecords + 1 rows: the writer stops at maxRecords and reports the extra one
            WriteSummary summary = TableWriters.forFormat(tableFormat, spool).write(result.columns(), result.rows(), maxRecords, out);
            out.flush();
            if (summary.overflow()) {
                System.err.println("skysieve query: the result has more than " + maxRecords + " rows; only the first "
                        + maxRecords + " were written (raise --maxrec)");
            }
        } finally {
            Folders.deleteRecursively(spool);
        }
        return 0;
    }
}
