package org.skysieve.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decodes our BINARY2 stream by the VOTable 1.4 rules (section 5.6: a null-flag byte array, most significant bit =
 * first column, then each cell big-endian; {@code char[*]} as a 4-byte length and the bytes) and checks, cell by cell
 * against the DuckDB oracle, that a null sets its bit and a NaN does not: the two stay distinct.
 */
class BinaryNullMaskTest {
    @Test
    void nullsSetTheMaskAndNanDoesNot() throws Exception {
        List<List<Object>> expected;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TestRows rows = new TestRows(500)) {
            expected = rows.expected();
        }
        try (TestRows rows = new TestRows(500); ResultSet result = rows.open()) {
            new VoTableWriter(TableFormat.VOTABLE_BINARY2).write(TestRows.COLUMNS, result, Long.MAX_VALUE, out);
        }
        String xml = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        String base64 = xml.substring(xml.indexOf("<STREAM encoding=\"base64\">") + 26, xml.indexOf("</STREAM>"));
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        int nulls = 0;
        int nans = 0;
        for (List<Object> row : expected) {
            byte[] mask = data.readNBytes(1);
            for (int c = 0; c < row.size(); c++) {
                boolean isNull = (mask[c >> 3] & (0x80 >>> (c & 7))) != 0;
                assertThat(isNull).isEqualTo(row.get(c) == null);
                Object value = switch (TestRows.COLUMNS.get(c).type()) {
                    case BOOLEAN -> (char) data.readByte();
                    case SHORT -> data.readShort();
                    case INT -> data.readInt();
                    case LONG -> data.readLong();
                    case FLOAT -> data.readFloat();
                    case DOUBLE -> data.readDouble();
                    case STRING -> new String(data.readNBytes(data.readInt()), java.nio.charset.StandardCharsets.US_ASCII);
                    case POINT, CIRCLE, POLYGON -> throw new IllegalStateException("TestRows has no geometry (GeometryRoundTripTest)");
                };
                if (isNull) {
                    nulls++;
                    continue;
                }
                Object want = row.get(c) instanceof Boolean flag ? (flag ? 'T' : 'F') : row.get(c);
                if (want instanceof Double number && number.isNaN() || want instanceof Float single && single.isNaN()) {
                    nans++;
                }
                assertThat(value).isEqualTo(want);
            }
        }
        assertThat(data.available()).isZero();
        assertThat(nulls).isGreaterThan(100);
        assertThat(nans).isGreaterThan(20);
    }
}
