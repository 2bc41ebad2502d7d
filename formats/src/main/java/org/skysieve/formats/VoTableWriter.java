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
 * VOTable 1.4 in TABLEDATA or BINARY2 serialization, written row by row.
 *
 * <p>Nulls: TABLEDATA writes an empty cell; BINARY2 sets the column's bit in the row's null mask (and writes a
 * placeholder value). A floating-point NaN is written as NaN and is never null. Strings are {@code char}
 * {@code arraysize="*"}; characters outside ASCII (which VOTable 1.4 {@code char} cannot carry) become {@code ?}
 * in BINARY2 and stay as XML text in TABLEDATA.
 */
public final class VoTableWriter implements TableWriter {
    private final TableFormat format;

    public VoTableWriter(TableFormat format) {
        if (!format.isVoTable()) {
            throw new IllegalArgumentException("Expected a VOTable format. Actual: " + format);
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
        Writer text = new BufferedWriter(new OutputStreamWriter(new NonClosingOutputStream(out), UTF_8), 1 << 16);
        text.write(VoTableDocuments.head(columns, xtypes));
        LimitedBatches limited = new LimitedBatches(rows, new ColumnBatch(columns), maxRows);
        if (format == TableFormat.VOTABLE_TABLEDATA) {
            writeTableData(limited, text);
        } else {
            writeBinary2(limited, new ColumnBatch(columns), text, out);
        }
        WriteSummary summary = limited.summary();
        text.write(VoTableDocuments.tail(summary.overflow()));
        text.flush();
        return summary;
    }

    private static void writeTableData(LimitedBatches limited, Writer text) throws IOException, SQLException {
        text.write("<TABLEDATA>\n");
        ColumnBatch batch = limited.batch();
        while (limited.next()) {
            for (int row = 0; row < batch.rowCount; row++) {
                text.write("<TR>");
                for (int column = 0; column < batch.types.length; column++) {
                    if (batch.nulls[column][row]) {
                        text.write("<TD/>");
                    } else {
                        text.write("<TD>");
                        text.write(batch.types[column] == ColumnType.BOOLEAN ? (batch.longs[column][row] != 0 ? "T" : "F")
                                : Xml.escape(Cells.text(batch, column, row)));
                        text.write("</TD>");
                    }
                }
                text.write("</TR>\n");
            }
        }
        text.write("</TABLEDATA>\n");
    }

    /** {@code second}: an empty batch for the encoding thread of a result of more than one batch (see Binary2Pipeline). */
    private static void writeBinary2(LimitedBatches limited, ColumnBatch second, Writer text, OutputStream out)
            throws IOException, SQLException {
        text.write("<BINARY2>\n<STREAM encoding=\"base64\">\n");
        text.flush();
        new Binary2Pipeline(limited, second, out).write();
        text.write("\n</STREAM>\n</BINARY2>\n");
    }
}
