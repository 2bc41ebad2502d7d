package org.skysieve.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.testing.SharedTestData;

/**
 * astropy (Debian python3-astropy, run as /usr/bin/python3) reads what we write. In VOTable every null comes back
 * masked (astropy also masks NaN floats, so the null/NaN distinction is checked byte by byte in BinaryNullMaskTest); in FITS the integer nulls come back masked through TNULLn and float
 * nulls as NaN (the documented loss). Also checks the OVERFLOW INFO is seen by astropy.
 */
class AstropyReadTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final int ROWS = 400;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = TableFormat.class, names = {"VOTABLE_TABLEDATA", "VOTABLE_BINARY2", "FITS"})
    void astropyReadsNullsAsMaskedAndNanAsNan(TableFormat format) throws Exception {
        WriteSummary[] summary = new WriteSummary[1];
        Path file = RoundTripTest.write(format, ROWS + 10, ROWS, folder, summary);
        assertThat(summary[0].overflow()).isTrue();
        JsonNode read = astropy(format == TableFormat.FITS ? "fits" : "votable", file);
        List<List<Object>> expected;
        try (TestRows rows = new TestRows(ROWS)) {
            expected = rows.expected();
        }
        if (format.isVoTable()) {
            assertThat(read.get("infos").toString()).contains("[\"QUERY_STATUS\",\"OVERFLOW\"]");
        }
        for (int c = 0; c < TestRows.COLUMNS.size(); c++) {
            String name = TestRows.COLUMNS.get(c).name();
            ColumnType type = TestRows.COLUMNS.get(c).type();
            JsonNode values = read.get("columns").get(name).get("values");
            assertThat(values.size()).isEqualTo(ROWS);
            assertThat(read.get("columns").get(name).get("unit").asText()).isEqualTo(TestRows.COLUMNS.get(c).unit());
            for (int r = 0; r < ROWS; r++) {
                Object want = expected.get(r).get(c);
                boolean floating = type == ColumnType.FLOAT || type == ColumnType.DOUBLE;
                if (format == TableFormat.FITS && want == null && floating) {
                    want = Float.NaN;
                }
                if (format.isVoTable() && floating && want != null && Double.isNaN(((Number) want).doubleValue())) {
                    want = null; // astropy's VOTable reader masks NaN too; BinaryNullMaskTest checks the bytes themselves
                }
                if (want == null && type == ColumnType.STRING) {
                    want = ""; // astropy never masks strings: a null char[*] (VOTable) or blank (FITS) comes back empty
                }
                if (format == TableFormat.FITS && want == null && type == ColumnType.BOOLEAN) {
                    continue; // FITS: astropy reads a null logical (byte 0) as False
                }
                assertThat(text(values.get(r))).as("row %d column %s in %s", r, name, format).isEqualTo(text(want));
            }
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof JsonNode node) {
            if (node.isNull()) {
                return "null";
            }
            if (node.isNumber()) {
                return node.isIntegralNumber() ? Long.toString(node.asLong()) : number(node.asDouble());
            }
            return node.asText();
        }
        if (value instanceof Float number) {
            return number.isNaN() ? "NaN" : number.isInfinite() ? Cells.text(number) : number(number.doubleValue());
        }
        if (value instanceof Double number) {
            return number.isNaN() ? "NaN" : number.isInfinite() ? Cells.text(number) : number(number);
        }
        if (value instanceof Number number) {
            return Long.toString(number.longValue());
        }
        return value.toString();
    }

    /** Floats compared to 7 significant digits (astropy hands float32 back widened). */
    private static String number(double value) {
        return String.format("%.6e", value);
    }

    private JsonNode astropy(String kind, Path file) throws Exception {
        SharedTestData.require(Files.isExecutable(PYTHON), "/usr/bin/python3 with astropy");
        Path script = folder.resolve("astropy_read.py");
        try (InputStream in = AstropyReadTest.class.getResourceAsStream("/astropy_read.py")) {
            Files.copy(in, script);
        }
        Process process = new ProcessBuilder(List.of(PYTHON.toString(), script.toString(), kind, file.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("astropy exit status; output %s", output).isZero();
        return new ObjectMapper().readTree(output);
    }
}
