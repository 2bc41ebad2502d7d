package org.skysieve.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.model.StatusColumns;
import org.skysieve.testing.SharedTestData;

/**
 * A per-band status column lists its four words as VALUES/OPTION (the document stays valid VOTable 1.4), is a plain
 * documented string column in FITS (astropy reads the words, TCOMMn and the COMMENT meanings) and plain text in CSV.
 */
class StatusColumnTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ColumnDoc STATUS = StatusColumns.statusDoc("mag_u", "u", "em.opt.U");
    private static final ColumnDoc LIMIT = StatusColumns.limitDoc("mag_u", "u", "em.opt.U");
    private static final ColumnDoc NOT_STATUS = ColumnDoc.of("label", ColumnType.STRING, "", "meta.note", "Free text").withBand("u");
    private static final String ROWS_SQL = "SELECT * FROM (VALUES ('detected', 23.5::FLOAT), ('undetected', 24.1::FLOAT),"
            + " ('masked', NULL::FLOAT), ('unobserved', NULL::FLOAT), (NULL, NULL::FLOAT)) AS t(mag_u_status, mag_u_limit)";

    @TempDir
    Path folder;

    @Test
    void statusColumnsListTheirWords() throws Exception {
        String votable = VoTableDocuments.fieldsOnly(List.of(STATUS, NOT_STATUS), false);
        VoTableSchema.validate(votable);
        for (MissingStatus status : MissingStatus.values()) {
            assertThat(votable).contains("<OPTION name=\"" + Xml.escape(status.meaning()) + "\" value=\"" + status.word() + "\"/>");
        }
        assertThat(votable.split("<VALUES>", -1)).as("only the status column has VALUES").hasSize(2);
        assertThat(MissingStatus.isStatusColumn(STATUS)).isTrue();
        assertThat(MissingStatus.isStatusColumn(NOT_STATUS)).isFalse();
        assertThat(MissingStatus.isStatusColumn(ColumnDoc.of("s", ColumnType.STRING, "", "meta.code.status", "no band"))).isFalse();
    }

    @Test
    void fitsStatusColumnIsADocumentedStringColumnAstropyReads() throws Exception {
        Path file = folder.resolve("status.fits");
        write(new FitsTableWriter(folder.resolve("spool")), file);
        SharedTestData.require(Files.isExecutable(PYTHON), "/usr/bin/python3 with astropy");
        String script = String.join("\n",
                "import json, sys",
                "from astropy.io import fits",
                "with fits.open(sys.argv[1]) as hdus:",
                "    h = hdus[1].header",
                "    print(json.dumps({'tform': h['TFORM1'], 'ttype': h['TTYPE1'], 'tcomm': h['TCOMM1'], 'tucd': h['TUCD1'],",
                "        'comments': [str(c) for c in h['COMMENT']],",
                "        'values': [v.decode() if isinstance(v, bytes) else str(v) for v in hdus[1].data['mag_u_status']]}))");
        Process process = new ProcessBuilder(List.of(PYTHON.toString(), "-c", script, file.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("astropy output %s", output).isZero();
        JsonNode header = new ObjectMapper().readTree(output);
        assertThat(header.get("ttype").asText()).isEqualTo("mag_u_status");
        assertThat(header.get("tform").asText()).isEqualTo("10A");
        assertThat(header.get("tucd").asText()).isEqualTo("meta.code.status;em.opt.U");
        assertThat(header.get("tcomm").asText()).startsWith("detected|undetected|masked|unobserved");
        String comments = joined(header.get("comments"));
        for (MissingStatus status : MissingStatus.values()) {
            assertThat(comments).contains("TTYPE1 mag_u_status = '" + status.word() + "': ");
            assertThat(comments.replace(" ", "")).contains(status.meaning().replace(" ", ""));
        }
        assertThat(joined(header.get("values"))).isEqualTo("detected undetected masked unobserved ");
    }

    @Test
    void parquetStatusColumnIsDictionaryEncodedWithItsWordsInTheVoParquetHeader() throws Exception {
        Path file = folder.resolve("status.parquet");
        // DuckDB dictionary-encodes a string column when the dictionary pays: 2,000 rows of four words
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT CASE WHEN i = 1999 THEN NULL ELSE"
                        + " (['detected', 'undetected', 'masked', 'unobserved'])[i % 4 + 1] END AS mag_u_status,"
                        + " (20 + i % 7)::FLOAT AS mag_u_limit FROM range(2000) AS t(i)");
                OutputStream out = Files.newOutputStream(file)) {
            new ParquetTableWriter(folder.resolve("spool")).write(List.of(STATUS, LIMIT), rows, 10_000, out);
        }
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            try (ResultSet encodings = statement.executeQuery("SELECT encodings FROM parquet_metadata('" + file
                    + "') WHERE path_in_schema = 'mag_u_status'")) {
                assertThat(encodings.next()).isTrue();
                assertThat(encodings.getString(1)).contains("DICTIONARY");
            }
            try (ResultSet header = statement.executeQuery("SELECT decode(value) FROM parquet_kv_metadata('" + file
                    + "') WHERE decode(key) = '" + ParquetTableWriter.VOPARQUET_CONTENT_KEY + "'")) {
                assertThat(header.next()).isTrue();
                String votable = header.getString(1);
                for (MissingStatus status : MissingStatus.values()) {
                    assertThat(votable).contains("value=\"" + status.word() + "\"");
                }
            }
            try (ResultSet values = statement.executeQuery("SELECT string_agg(DISTINCT coalesce(mag_u_status, '-'), ' '"
                    + " ORDER BY coalesce(mag_u_status, '-')), count(*) FROM read_parquet('" + file + "')")) {
                assertThat(values.next()).isTrue();
                assertThat(values.getString(1)).isEqualTo("- detected masked undetected unobserved");
                assertThat(values.getLong(2)).isEqualTo(2000);
            }
        }
    }

    @Test
    void csvStatusColumnIsPlainText() throws Exception {
        Path file = folder.resolve("status.csv");
        write(new DelimitedWriter(TableFormat.CSV), file);
        assertThat(Files.readAllLines(file)).containsExactly("mag_u_status,mag_u_limit", "detected,23.5", "undetected,24.1",
                "masked,", "unobserved,", ",");
    }

    private static String joined(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return String.join(" ", texts);
    }

    private static void write(TableWriter writer, Path file) throws Exception {
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(ROWS_SQL); OutputStream out = Files.newOutputStream(file)) {
            writer.write(List.of(STATUS, LIMIT), rows, 100, out);
        }
    }
}
