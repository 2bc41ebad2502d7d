package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.MissingStatus;

/**
 * A FITS file with an empty primary HDU and one BINTABLE extension. The row count and the string widths are only
 * known at the end, so the rows are first spooled to a temporary file in {@code spoolFolder} (then deleted), never
 * held in memory.
 *
 * <p>Column forms: boolean {@code L} (null: byte 0), short {@code I}, int {@code J}, long {@code K} (null: the
 * type's minimum value, declared as {@code TNULLn}), float {@code E} and double {@code D} (null and NaN are both NaN:
 * FITS cannot tell them apart), string {@code nA} with n the longest value in bytes (null and empty are both
 * blank), POINT {@code 2D} and CIRCLE {@code 3D} (null: NaNs), POLYGON a variable-length array {@code 1PD(max)} whose
 * doubles lie in the heap after the table (null: no element; PCOUNT is the heap size, at most 2 GB). Units go to
 * {@code TUNITn}, UCDs to {@code TUCDn}, descriptions (cut to a card) to {@code TCOMMn}. A
 * per-band status column ({@link MissingStatus#isStatusColumn}) is a string column whose {@code TCOMMn} lists its
 * words ({@code detected|undetected|masked|unobserved}) and whose meanings follow as {@code COMMENT} cards, one per
 * word, each naming {@code TTYPEn} and the column.
 * A cut result carries {@code QRYSTAT = 'OVERFLOW'} in the extension header.
 */
public final class FitsTableWriter implements TableWriter {
    private final Path spoolFolder;

    public FitsTableWriter(Path spoolFolder) {
        this.spoolFolder = requireNonNull(spoolFolder, "spoolFolder is null");
    }

    @Override
    public TableFormat format() {
        return TableFormat.FITS;
    }

    @Override
    public WriteSummary write(List<ColumnDoc> columns, List<String> xtypes, RowSource rows, long maxRows, OutputStream out)
            throws IOException, SQLException {
        Files.createDirectories(spoolFolder);
        Path spool = Files.createTempFile(spoolFolder, "fits-spool-", ".bin");
        Path heap = Files.createTempFile(spoolFolder, "fits-heap-", ".bin");
        try {
            int[] stringBytes = new int[columns.size()]; // per string column its widest value; per POLYGON its most doubles
            WriteSummary summary;
            long heapBytes;
            try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16));
                 DataOutputStream heapData = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(heap), 1 << 16))) {
                summary = spoolRows(columns, rows, maxRows, data, stringBytes, heapData);
            }
            heapBytes = Files.size(heap);
            if (heapBytes > Integer.MAX_VALUE) {
                throw new IOException("Expected the polygons of a FITS result to fit in a 2 GB heap. Actual: " + heapBytes + " bytes");
            }
            primaryHeader().writeTo(out);
            tableHeader(columns, stringBytes, summary, heapBytes).writeTo(out);
            copyRows(columns, stringBytes, spool, summary.rows(), out);
            Files.copy(heap, new NonClosingOutputStream(out));
            long dataBytes = summary.rows() * rowBytes(columns, stringBytes) + heapBytes;
            long padding = (FitsHeader.BLOCK - dataBytes % FitsHeader.BLOCK) % FitsHeader.BLOCK;
            out.write(new byte[(int) padding]);
            out.flush();
            return summary;
        } finally {
            Files.deleteIfExists(spool);
            Files.deleteIfExists(heap);
        }
    }

    private static WriteSummary spoolRows(List<ColumnDoc> columns, RowSource rows, long maxRows, DataOutputStream data,
                                          int[] stringBytes, DataOutputStream heap) throws IOException, SQLException {
        LimitedBatches limited = new LimitedBatches(rows, new ColumnBatch(columns), maxRows);
        ColumnBatch batch = limited.batch();
        while (limited.next()) {
            for (int row = 0; row < batch.rowCount; row++) {
                for (int i = 0; i < batch.types.length; i++) {
                    boolean isNull = batch.nulls[i][row];
                    switch (batch.types[i]) {
                        case BOOLEAN -> data.writeByte(isNull ? 0 : batch.longs[i][row] != 0 ? 'T' : 'F');
                        case SHORT -> data.writeShort(isNull ? Short.MIN_VALUE : (short) batch.longs[i][row]);
                        case INT -> data.writeInt(isNull ? Integer.MIN_VALUE : (int) batch.longs[i][row]);
                        case LONG -> data.writeLong(isNull ? Long.MIN_VALUE : batch.longs[i][row]);
                        case FLOAT -> data.writeFloat(isNull ? Float.NaN : batch.floats[i][row]);
                        case DOUBLE -> data.writeDouble(isNull ? Double.NaN : batch.doubles[i][row]);
                        case STRING -> {
                            byte[] bytes = isNull ? new byte[0] : batch.getString(i, row).getBytes(StandardCharsets.UTF_8);
                            stringBytes[i] = Math.max(stringBytes[i], bytes.length);
                            data.writeInt(bytes.length);
                            data.write(bytes);
                        }
                        case POINT, CIRCLE -> {
                            double[] value = batch.arrays[i][row];
                            for (int k = 0; k < batch.types[i].arrayLength(); k++) {
                                data.writeDouble(isNull ? Double.NaN : value[k]);
                            }
                        }
                        case POLYGON -> {
                            // the maximum count goes into TFORM: kept in stringBytes
                            double[] value = isNull ? new double[0] : batch.arrays[i][row];
                            stringBytes[i] = Math.max(stringBytes[i], value.length);
                            data.writeInt(value.length);
                            data.writeInt(heap.size());
                            for (double number : value) {
                                heap.writeDouble(number);
                            }
                        }
                    }
                }
            }
        }
        return limited.summary();
    }

    private static FitsHeader primaryHeader() {
        return new FitsHeader()
                .logical("SIMPLE", true, "a FITS file")
                .integer("BITPIX", 8, "")
                .integer("NAXIS", 0, "no primary image")
                .logical("EXTEND", true, "a binary table follows")
                .end();
    }

    private static FitsHeader tableHeader(List<ColumnDoc> columns, int[] stringBytes, WriteSummary summary, long heapBytes) {
        FitsHeader table = new FitsHeader()
                .string("XTENSION", "BINTABLE", "binary table extension")
                .integer("BITPIX", 8, "")
                .integer("NAXIS", 2, "")
                .integer("NAXIS1", rowBytes(columns, stringBytes), "bytes per row")
                .integer("NAXIS2", summary.rows(), "rows")
                .integer("PCOUNT", heapBytes, heapBytes == 0 ? "" : "heap bytes (polygons)")
                .integer("GCOUNT", 1, "")
                .integer("TFIELDS", columns.size(), "columns")
                .string("EXTNAME", "RESULT", "");
        for (int i = 0; i < columns.size(); i++) {
            ColumnDoc column = columns.get(i);
            int n = i + 1;
            table.string("TTYPE" + n, column.name(), "");
            table.string("TFORM" + n, form(column.type(), stringBytes[i]), "");
            switch (column.type()) {
                case SHORT -> table.integer("TNULL" + n, Short.MIN_VALUE, "null");
                case INT -> table.integer("TNULL" + n, Integer.MIN_VALUE, "null");
                case LONG -> table.integer("TNULL" + n, Long.MIN_VALUE, "null");
                default -> { }
            }
            if (!column.unit().isEmpty()) {
                table.string("TUNIT" + n, column.unit(), "");
            }
            if (!column.ucd().isEmpty()) {
                table.string("TUCD" + n, column.ucd(), "");
            }
            if (MissingStatus.isStatusColumn(column)) {
                statusCards(table, n, column);
                continue;
            }
            String description = VoTableFieldElements.description(column);
            if (!description.isEmpty()) {
                table.string("TCOMM" + n, description, "");
            }
        }
        if (summary.overflow()) {
            table.string("QRYSTAT", "OVERFLOW", "cut at the row limit: more rows match");
        }
        return table.end();
    }

    /**
     * A status column: its four words in {@code TCOMMn} (a card holds them, not their meanings), then one
     * {@code COMMENT} per word with its meaning, naming the column ({@code TTYPEn mag_r_status = 'masked': ...}).
     */
    private static void statusCards(FitsHeader table, int n, ColumnDoc column) {
        StringBuilder words = new StringBuilder();
        for (MissingStatus status : MissingStatus.values()) {
            words.append(words.length() == 0 ? "" : "|").append(status.word());
        }
        table.string("TCOMM" + n, words + ": why " + column.band().orElse("") + " has or lacks a value", "");
        table.comment("TTYPE" + n + " " + column.name() + ": " + VoTableFieldElements.description(column));
        for (MissingStatus status : MissingStatus.values()) {
            table.comment("TTYPE" + n + " " + column.name() + " = '" + status.word() + "': " + status.meaning());
        }
    }

    private static void copyRows(List<ColumnDoc> columns, int[] stringBytes, Path spool, long rowCount, OutputStream out) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 16))) {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new NonClosingOutputStream(out), 1 << 16));
            for (long row = 0; row < rowCount; row++) {
                for (int i = 0; i < columns.size(); i++) {
                    ColumnType type = columns.get(i).type();
                    if (type == ColumnType.STRING) {
                        int length = in.readInt();
                        byte[] value = in.readNBytes(length);
                        data.write(value);
                        data.write(new byte[Math.max(stringBytes[i], 1) - length]);
                    } else {
                        int size = fixedBytes(type);
                        data.write(in.readNBytes(size));
                    }
                }
            }
            data.flush();
        }
    }

    private static int rowBytes(List<ColumnDoc> columns, int[] stringBytes) {
        int total = 0;
        for (int i = 0; i < columns.size(); i++) {
            ColumnType type = columns.get(i).type();
            total += type == ColumnType.STRING ? Math.max(stringBytes[i], 1) : fixedBytes(type);
        }
        return total;
    }

    private static int fixedBytes(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> 1;
            case SHORT -> 2;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE, POLYGON -> 8;
            case POINT -> 16;
            case CIRCLE -> 24;
            case STRING -> throw new IllegalArgumentException("Strings have no fixed size");
        };
    }

    private static String form(ColumnType type, int stringBytes) {
        return switch (type) {
            case BOOLEAN -> "L";
            case SHORT -> "I";
            case INT -> "J";
            case LONG -> "K";
            case FLOAT -> "E";
            case DOUBLE -> "D";
            case STRING -> Math.max(stringBytes, 1) + "A";
            case POINT -> "2D";
            case CIRCLE -> "3D";
            case POLYGON -> "1PD(" + stringBytes + ")";
        };
    }
}
