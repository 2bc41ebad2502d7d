package org.skysieve.formats;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
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
    public WriteSummary write(List<ColumnDoc> columns, ResultSet rows, long maxRows, OutputStream out) throws IOException, SQLException {
        return write(columns, java.util.Collections.nCopies(columns.size(), ""), rows, maxRows, out);
    }

    @Override
    public WriteSummary write(List<ColumnDoc> columns, List<String> xtypes, ResultSet rows, long maxRows, OutputStream out)
            throws IOException, SQLException {
        Writer text = new BufferedWriter(new OutputStreamWriter(new NonClosingOutputStream(out), UTF_8), 1 << 16);
        text.write(VoTableDocuments.head(columns, xtypes));
        LimitedRows limited = new LimitedRows(rows, maxRows);
        if (format == TableFormat.VOTABLE_TABLEDATA) {
            writeTableData(columns, limited, text);
        } else {
            writeBinary2(columns, limited, text, out);
        }
        WriteSummary summary = limited.summary();
        text.write(VoTableDocuments.tail(summary.overflow()));
        text.flush();
        return summary;
    }

    private static void writeTableData(List<ColumnDoc> columns, LimitedRows limited, Writer text) throws IOException, SQLException {
        text.write("<TABLEDATA>\n");
        ResultSet rows = limitedRows(limited);
        while (limited.next()) {
            text.write("<TR>");
            for (int i = 0; i < columns.size(); i++) {
                Object value = Cells.read(rows, i + 1, columns.get(i).type());
                if (value == null) {
                    text.write("<TD/>");
                } else {
                    text.write("<TD>");
                    text.write(Xml.escape(Cells.text(value)));
                    text.write("</TD>");
                }
            }
            text.write("</TR>\n");
        }
        text.write("</TABLEDATA>\n");
    }

    private void writeBinary2(List<ColumnDoc> columns, LimitedRows limited, Writer text, OutputStream out) throws IOException, SQLException {
        text.write("<BINARY2>\n<STREAM encoding=\"base64\">\n");
        text.flush();
        ResultSet rows = limitedRows(limited);
        int maskBytes = (columns.size() + 7) / 8;
        byte[] mask = new byte[maskBytes];
        Object[] values = new Object[columns.size()];
        OutputStream base64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).wrap(new NonClosingOutputStream(out));
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(base64, 1 << 16))) {
            while (limited.next()) {
                java.util.Arrays.fill(mask, (byte) 0);
                for (int i = 0; i < values.length; i++) {
                    values[i] = Cells.read(rows, i + 1, columns.get(i).type());
                    if (values[i] == null) {
                        mask[i >> 3] |= (byte) (0x80 >>> (i & 7));
                    }
                }
                data.write(mask);
                for (int i = 0; i < values.length; i++) {
                    writeBinaryCell(data, columns.get(i).type(), values[i]);
                }
            }
        }
        text.write("\n</STREAM>\n</BINARY2>\n");
    }

    private static void writeBinaryCell(DataOutputStream data, ColumnType type, Object value) throws IOException {
        switch (type) {
            case BOOLEAN -> data.writeByte(value == null ? '?' : ((Boolean) value ? 'T' : 'F'));
            case SHORT -> data.writeShort(value == null ? 0 : (Short) value);
            case INT -> data.writeInt(value == null ? 0 : (Integer) value);
            case LONG -> data.writeLong(value == null ? 0 : (Long) value);
            case FLOAT -> data.writeFloat(value == null ? Float.NaN : (Float) value);
            case DOUBLE -> data.writeDouble(value == null ? Double.NaN : (Double) value);
            case STRING -> {
                String string = value == null ? "" : (String) value;
                data.writeInt(string.length());
                for (int i = 0; i < string.length(); i++) {
                    char c = string.charAt(i);
                    data.writeByte(c < 0x80 ? c : '?');
                }
            }
        }
    }

    /** The underlying result set, read through the limit's cursor. */
    private static ResultSet limitedRows(LimitedRows limited) {
        return limited.rows();
    }
}
