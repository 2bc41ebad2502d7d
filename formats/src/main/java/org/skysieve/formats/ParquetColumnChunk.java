package org.skysieve.formats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Statistics;
import org.skysieve.catalog.model.ColumnType;

/**
 * The values of one scalar column for one Parquet row group, gathered batch by batch and written as one column chunk
 * of one data page (v1): definition levels (RLE/bit-packed hybrid, bit width 1: the column is OPTIONAL, a null is level
 * 0), then the non-null values PLAIN-encoded (booleans bit-packed, SMALLINT/INTEGER as INT32, BIGINT as INT64, FLOAT,
 * DOUBLE, VARCHAR as BYTE_ARRAY of UTF-8), or, for a string column with few distinct values in the chunk (status words,
 * tile names: {@link StringDictionary}), a dictionary page of those values and their numbers in the data page; the chunk's statistics (null count, exact min and max in the column's order,
 * NaN left out of the min and max as the Parquet format asks; none when no value) go in its metadata so that readers
 * can skip row groups. A NaN is a value (level 1), never a null. Reused row group after row group. Not thread-safe:
 * one encoder thread at a time.
 */
final class ParquetColumnChunk {
    private final ColumnType type;
    private final String name;
    private final LittleEndianBytes values;
    private final LittleEndianBytes levels = new LittleEndianBytes(1024);
    private boolean[] nulls;
    private int rows;
    private int nullCount;
    private long minLong;
    private long maxLong;
    private double minDouble;
    private double maxDouble;
    private byte[] minBytes;
    private byte[] maxBytes;
    private byte[] scratch = new byte[64];
    /** STRING columns only: the chunk's values while they are few (then written with a dictionary page). */
    private final StringDictionary dictionary;

    ParquetColumnChunk(ColumnType type, String name, int expectedRows) {
        this.type = requireNonNull(type, "type is null");
        this.name = requireNonNull(name, "name is null");
        if (type.isGeometry()) {
            throw new IllegalArgumentException("Expected a scalar column. Actual: " + name + " is a " + type.xtype());
        }
        this.values = new LittleEndianBytes(expectedRows * valueBytes(type));
        this.nulls = new boolean[Math.max(expectedRows, ColumnBatch.CAPACITY)];
        this.dictionary = type == ColumnType.STRING ? new StringDictionary() : null;
        reset();
    }

    private static int valueBytes(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> 1;
            case SHORT, INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
            default -> 16;
        };
    }

    /** The rows gathered since the last chunk was written. */
    int rows() {
        return rows;
    }

    /** Bytes held for the chunk now (values; the levels are small). */
    int bufferedBytes() {
        return values.size();
    }

    /** Adds the batch's rows of {@code column} (of this chunk's type) after the rows gathered. */
    void append(ColumnBatch batch, int column) {
        int count = batch.rowCount;
        if (rows + count > nulls.length) {
            nulls = Arrays.copyOf(nulls, Math.max(rows + count, 2 * nulls.length));
        }
        boolean[] batchNulls = batch.nulls[column];
        System.arraycopy(batchNulls, 0, nulls, rows, count);
        int batchNullCount = 0;
        for (int row = 0; row < count; row++) {
            batchNullCount += batchNulls[row] ? 1 : 0;
        }
        nullCount += batchNullCount;
        rows += count;
        boolean anyNull = batchNullCount > 0;
        switch (type) {
            case BOOLEAN -> appendBooleans(batch.longs[column], batchNulls, count);
            case SHORT, INT -> appendInts(batch.longs[column], batchNulls, count, anyNull);
            case LONG -> appendLongs(batch.longs[column], batchNulls, count, anyNull);
            case FLOAT -> appendFloats(batch.floats[column], batchNulls, count, anyNull);
            case DOUBLE -> appendDoubles(batch.doubles[column], batchNulls, count, anyNull);
            case STRING -> appendStrings(batch, column, count);
            default -> throw new IllegalStateException("geometry is refused in the constructor");
        }
    }

    /** One byte per value until the chunk is written (then bit-packed). */
    private void appendBooleans(long[] source, boolean[] isNull, int count) {
        for (int row = 0; row < count; row++) {
            if (!isNull[row]) {
                long value = source[row];
                values.writeByte((int) value);
                minLong = Math.min(minLong, value);
                maxLong = Math.max(maxLong, value);
            }
        }
    }

    private void appendInts(long[] source, boolean[] isNull, int count, boolean anyNull) {
        if (!anyNull) {
            values.writeLongsAsInts(source, 0, count);
        }
        long min = minLong;
        long max = maxLong;
        for (int row = 0; row < count; row++) {
            if (!isNull[row]) {
                long value = source[row];
                if (anyNull) {
                    values.writeInt((int) value);
                }
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        minLong = min;
        maxLong = max;
    }

    private void appendLongs(long[] source, boolean[] isNull, int count, boolean anyNull) {
        if (!anyNull) {
            values.writeLongs(source, 0, count);
        }
        long min = minLong;
        long max = maxLong;
        for (int row = 0; row < count; row++) {
            if (!isNull[row]) {
                long value = source[row];
                if (anyNull) {
                    values.writeLong(value);
                }
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        minLong = min;
        maxLong = max;
    }

    /** NaN compares false both ways, so it never becomes the min or max. */
    private void appendFloats(float[] source, boolean[] isNull, int count, boolean anyNull) {
        if (!anyNull) {
            values.writeFloats(source, 0, count);
        }
        double min = minDouble;
        double max = maxDouble;
        for (int row = 0; row < count; row++) {
            if (!isNull[row]) {
                float value = source[row];
                if (anyNull) {
                    values.writeInt(Float.floatToRawIntBits(value));
                }
                min = value < min ? value : min;
                max = value > max ? value : max;
            }
        }
        minDouble = min;
        maxDouble = max;
    }

    private void appendDoubles(double[] source, boolean[] isNull, int count, boolean anyNull) {
        if (!anyNull) {
            values.writeDoubles(source, 0, count);
        }
        double min = minDouble;
        double max = maxDouble;
        for (int row = 0; row < count; row++) {
            if (!isNull[row]) {
                double value = source[row];
                if (anyNull) {
                    values.writeLong(Double.doubleToRawLongBits(value));
                }
                min = value < min ? value : min;
                max = value > max ? value : max;
            }
        }
        minDouble = min;
        maxDouble = max;
    }

    private void appendStrings(ColumnBatch batch, int column, int count) {
        boolean[] isNull = batch.nulls[column];
        if (batch.utf8Held[column]) {
            byte[] bytes = batch.utf8[column];
            int[] offsets = batch.utf8Offsets[column];
            values.reserve(offsets[count] - offsets[0] + 4 * count);
            for (int row = 0; row < count; row++) {
                if (!isNull[row]) {
                    appendString(bytes, offsets[row], offsets[row + 1] - offsets[row]);
                }
            }
        } else {
            String[] strings = batch.strings(column);
            for (int row = 0; row < count; row++) {
                if (!isNull[row]) {
                    byte[] bytes = strings[row].getBytes(StandardCharsets.UTF_8);
                    appendString(bytes, 0, bytes.length);
                }
            }
        }
    }

    private void appendString(byte[] bytes, int from, int length) {
        values.writeInt(length);
        values.write(bytes, from, length);
        if (dictionary.active()) {
            if (dictionary.add(bytes, from, length)) {
                return; // min and max come from the dictionary's entries
            }
            minBytes = dictionary.extreme(false); // the values so far are the entries: go on value by value
            maxBytes = dictionary.extreme(true);
        }
        if (minBytes == null || Arrays.compareUnsigned(bytes, from, from + length, minBytes, 0, minBytes.length) < 0) {
            minBytes = Arrays.copyOfRange(bytes, from, from + length);
        }
        if (maxBytes == null || Arrays.compareUnsigned(bytes, from, from + length, maxBytes, 0, maxBytes.length) > 0) {
            maxBytes = Arrays.copyOfRange(bytes, from, from + length);
        }
    }

    /**
     * Writes the gathered rows as a column chunk at {@code offset} (the bytes of the file before it), then forgets
     * them; returns the chunk's metadata for the footer. At least one row must be gathered.
     */
    ColumnChunk write(OutputStream out, long offset, PageCompressor compressor) throws IOException {
        if (rows == 0) {
            throw new IllegalStateException("Expected rows in column chunk " + name + ". Actual: none");
        }
        boolean withDictionary = dictionary != null && dictionary.active() && dictionary.size() > 0;
        if (withDictionary) {
            minBytes = dictionary.extreme(false);
            maxBytes = dictionary.extreme(true);
        }
        Statistics statistics = statistics();
        long uncompressedTotal = 0;
        long compressedTotal = 0;
        ColumnMetaData metadata;
        if (withDictionary) {
            PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, 0, 0);
            header.setDictionary_page_header(new DictionaryPageHeader(dictionary.size(), Encoding.PLAIN));
            long[] sizes = writePage(out, header, null, dictionary.entries(), compressor);
            uncompressedTotal += sizes[0];
            compressedTotal += sizes[1];
            values.clear();
            dictionary.writeIndices(values);
        } else if (type == ColumnType.BOOLEAN) {
            packBooleans();
        }
        writeLevels();
        PageHeader header = new PageHeader(PageType.DATA_PAGE, 0, 0);
        header.setData_page_header(new DataPageHeader(rows, withDictionary ? Encoding.RLE_DICTIONARY : Encoding.PLAIN,
                Encoding.RLE, Encoding.RLE));
        long[] sizes = writePage(out, header, levels, values, compressor);
        uncompressedTotal += sizes[0];
        compressedTotal += sizes[1];
        List<Encoding> encodings = withDictionary ? List.of(Encoding.PLAIN, Encoding.RLE, Encoding.RLE_DICTIONARY)
                : List.of(Encoding.PLAIN, Encoding.RLE);
        metadata = new ColumnMetaData(ParquetSchema.physicalType(type), encodings, List.of(name), compressor.codec().thriftCodec(), rows,
                uncompressedTotal, compressedTotal, withDictionary ? offset + sizes[2] : offset);
        if (withDictionary) {
            metadata.setDictionary_page_offset(offset);
        }
        metadata.setStatistics(statistics);
        ColumnChunk chunk = new ColumnChunk(offset);
        chunk.setMeta_data(metadata);
        reset();
        return chunk;
    }

    /**
     * Writes one page: its header (sizes filled in here), then {@code first} (may be null) and {@code second},
     * compressed together when the codec compresses. Returns the page's uncompressed and written sizes, header
     * included, and the size of the page before this one's start (the offset of what follows, from the page's start).
     */
    private long[] writePage(OutputStream out, PageHeader header, LittleEndianBytes first, LittleEndianBytes second,
            PageCompressor compressor) throws IOException {
        int firstSize = first == null ? 0 : first.size();
        int uncompressedSize = firstSize + second.size();
        byte[] body = null;
        int bodySize = uncompressedSize;
        if (compressor.codec() != ParquetCodec.UNCOMPRESSED) {
            byte[] joined = ensureScratch(uncompressedSize);
            if (first != null) {
                System.arraycopy(first.array(), 0, joined, 0, firstSize);
            }
            System.arraycopy(second.array(), 0, joined, firstSize, second.size());
            body = compressor.compress(joined, uncompressedSize);
            bodySize = compressor.compressedSize();
        }
        header.setUncompressed_page_size(uncompressedSize);
        header.setCompressed_page_size(bodySize);
        byte[] headerBytes = ParquetThrift.encode(header);
        out.write(headerBytes);
        if (body == null) {
            if (first != null) {
                first.writeTo(out);
            }
            second.writeTo(out);
        } else {
            out.write(body, 0, bodySize);
        }
        return new long[] {headerBytes.length + (long) uncompressedSize, headerBytes.length + (long) bodySize,
                headerBytes.length + (long) bodySize};
    }

    /** The definition levels: a 4-byte length, then one RLE run (no null) or one bit-packed run (1 = a value). */
    private void writeLevels() {
        levels.clear();
        levels.writeInt(0);
        if (nullCount == 0) {
            levels.writeUnsignedVarint((long) rows << 1);
            levels.writeByte(1);
        } else {
            int groups = (rows + 7) / 8;
            levels.writeUnsignedVarint(((long) groups << 1) | 1);
            levels.reserve(groups);
            for (int group = 0; group < groups; group++) {
                int bits = 0;
                int from = group * 8;
                for (int i = 0; i < 8 && from + i < rows; i++) {
                    bits |= nulls[from + i] ? 0 : 1 << i;
                }
                levels.writeByte(bits);
            }
        }
        int length = levels.size() - 4;
        byte[] array = levels.array();
        array[0] = (byte) length;
        array[1] = (byte) (length >>> 8);
        array[2] = (byte) (length >>> 16);
        array[3] = (byte) (length >>> 24);
    }

    /** One byte per boolean to PLAIN's bits, least significant first, in place. */
    private void packBooleans() {
        int count = values.size();
        byte[] array = values.array();
        int packed = (count + 7) / 8;
        for (int group = 0; group < packed; group++) {
            int bits = 0;
            int from = group * 8;
            for (int i = 0; i < 8 && from + i < count; i++) {
                bits |= (array[from + i] & 1) << i;
            }
            array[group] = (byte) bits;
        }
        values.clear();
        values.write(array, 0, packed);
    }

    private Statistics statistics() {
        Statistics statistics = new Statistics();
        statistics.setNull_count(nullCount);
        byte[] min = null;
        byte[] max = null;
        switch (type) {
            case BOOLEAN -> {
                if (minLong <= maxLong) {
                    min = new byte[] {(byte) minLong};
                    max = new byte[] {(byte) maxLong};
                }
            }
            case SHORT, INT -> {
                if (minLong <= maxLong) {
                    min = littleEndian((int) minLong, 4);
                    max = littleEndian((int) maxLong, 4);
                }
            }
            case LONG -> {
                if (minLong <= maxLong) {
                    min = littleEndian(minLong, 8);
                    max = littleEndian(maxLong, 8);
                }
            }
            case FLOAT, DOUBLE -> {
                if (minDouble <= maxDouble) { // false when every value was NaN (or none)
                    // the format asks for -0.0 as a min of zero and +0.0 as a max of zero
                    double low = minDouble == 0.0 ? -0.0 : minDouble;
                    double high = maxDouble == 0.0 ? 0.0 : maxDouble;
                    min = type == ColumnType.FLOAT ? littleEndian(Float.floatToIntBits((float) low), 4)
                            : littleEndian(Double.doubleToLongBits(low), 8);
                    max = type == ColumnType.FLOAT ? littleEndian(Float.floatToIntBits((float) high), 4)
                            : littleEndian(Double.doubleToLongBits(high), 8);
                }
            }
            case STRING -> {
                min = minBytes;
                max = maxBytes;
            }
            default -> throw new IllegalStateException("geometry is refused in the constructor");
        }
        if (min != null) {
            statistics.setMin_value(min);
            statistics.setMax_value(max);
        }
        return statistics;
    }

    private static byte[] littleEndian(long value, int bytes) {
        byte[] result = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            result[i] = (byte) (value >>> (8 * i));
        }
        return result;
    }

    private byte[] ensureScratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, 2 * scratch.length)];
        }
        return scratch;
    }

    private void reset() {
        values.clear();
        rows = 0;
        nullCount = 0;
        minLong = Long.MAX_VALUE;
        maxLong = Long.MIN_VALUE;
        minDouble = Double.POSITIVE_INFINITY;
        maxDouble = Double.NEGATIVE_INFINITY;
        minBytes = null;
        maxBytes = null;
        if (dictionary != null) {
            dictionary.reset();
        }
    }
}
