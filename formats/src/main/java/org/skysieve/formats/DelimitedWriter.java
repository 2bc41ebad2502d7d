package org.skysieve.formats;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.sql.SQLException;
import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * CSV (RFC 4180: comma, CRLF, fields quoted when they hold a comma, quote or line break) or TSV (IANA
 * text/tab-separated-values: tabs and line breaks inside a value become spaces), one header line of column names.
 * A null is an empty field (an empty string is {@code ""} in CSV); NaN is {@code NaN}; booleans are {@code true}/{@code false}. These formats cannot say
 * that a result was cut: callers that need to tell (TAP) do so outside the body.
 */
public final class DelimitedWriter implements TableWriter {
    private final TableFormat format;

    public DelimitedWriter(TableFormat format) {
        if (format != TableFormat.CSV && format != TableFormat.TSV) {
            throw new IllegalArgumentException("Expected CSV or TSV. Actual: " + format);
        }
        this.format = format;
    }

    @Override
    public TableFormat format() {
        return format;
    }

    @Override
    public WriteSummary write(List<ColumnDoc> columns, List<String> xtypes, RowSource rows, long maxRows, OutputStream out)
            throws IOException, SQLException {
        boolean csv = format == TableFormat.CSV;
        String separator = csv ? "," : "\t";
        String lineEnd = csv ? "\r\n" : "\n";
        Writer text = new BufferedWriter(new OutputStreamWriter(new NonClosingOutputStream(out), UTF_8), 1 << 16);
        for (int i = 0; i < columns.size(); i++) {
            text.write(i == 0 ? "" : separator);
            text.write(field(columns.get(i).name(), csv));
        }
        text.write(lineEnd);
        LimitedBatches limited = new LimitedBatches(rows, new ColumnBatch(columns), maxRows);
        ColumnBatch batch = limited.batch();
        while (limited.next()) {
            for (int row = 0; row < batch.rowCount; row++) {
                for (int column = 0; column < batch.types.length; column++) {
                    if (column > 0) {
                        text.write(separator);
                    }
                    if (!batch.nulls[column][row]) {
                        text.write(field(batch.types[column] == ColumnType.BOOLEAN ? Boolean.toString(batch.longs[column][row] != 0)
                                : Cells.text(batch, column, row), csv));
                    }
                }
                text.write(lineEnd);
            }
        }
        text.flush();
        return limited.summary();
    }

    private static String field(String value, boolean csv) {
        if (csv && value.isEmpty()) {
            return "\"\"";
        }
        if (!csv) {
            return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
