package org.skysieve.server.tap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.formats.TableFormat;
import org.skysieve.server.SkysieveServer;

/** TAP sync, VOSI and errors on the real server over a tiny synthetic sky, queries run by the real ADQL engine ({@link QueryEngineExecutor}). */
class TapSyncTest {
    private static final int UPLOAD_ROWS = 2000;

    @TempDir
    static Path jobs;

    private static QueryEngineExecutor executor;
    private static SkysieveServer server;
    private static TapClient client;
    private static Archive archive;

    @BeforeAll
    static void start() throws Exception {
        archive = TinyArchive.get();
        executor = QueryEngineExecutor.open(archive, jobs);
        server = SkysieveServer.start(archive, 0, TapSettings.defaults(jobs).withLimits(1000, 5000).withUploadLimit(1 << 20)
                .withUploadLimitRows(UPLOAD_ROWS), executor);
        client = new TapClient(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        executor.close();
    }

    private static HttpResponse<byte[]> sync(String query, String... more) throws Exception {
        StringBuilder url = new StringBuilder("/tap/sync?REQUEST=doQuery&LANG=ADQL&QUERY=")
                .append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        for (int i = 0; i < more.length; i += 2) {
            url.append('&').append(more[i]).append('=').append(URLEncoder.encode(more[i + 1], StandardCharsets.UTF_8));
        }
        return client.get(url.toString());
    }

    @Test
    void everyTableCountsAsManyRowsAsItsCatalogueSays() throws Exception {
        for (PublishedTable table : archive.surveys().stream().flatMap(s -> s.tables().stream()).toList()) {
            HttpResponse<byte[]> response = sync("SELECT count(*) AS n FROM " + table.qualifiedName(), "RESPONSEFORMAT", "votable/td");
            String body = TapClient.text(response);
            assertThat(response.statusCode()).as(body).isEqualTo(200);
            VoTables.validate(body);
            assertThat(VoTables.rows(body)).containsExactly(List.of(Long.toString(table.rowCount())));
        }
    }

    @Test
    void maxrecCutsWithOverflowAndNeverSilently() throws Exception {
        PublishedTable table = archive.survey("deep_optical").orElseThrow().tables().get(0);
        long rows = table.rowCount();
        assertThat(rows).isGreaterThan(10).isLessThan(5000);
        String query = "SELECT id FROM " + table.qualifiedName();
        for (long maxrec : new long[] {0, 7, rows - 1, rows, rows + 1}) {
            String body = TapClient.text(sync(query, "MAXREC", Long.toString(maxrec), "FORMAT", "application/x-votable+xml;serialization=TABLEDATA"));
            VoTables.validate(body);
            assertThat(VoTables.rows(body)).hasSize((int) Math.min(maxrec, rows));
            assertThat(VoTables.queryStatus(body)).as("MAXREC %d", maxrec)
                    .isEqualTo(maxrec < rows ? List.of("OK", "OVERFLOW") : List.of("OK"));
        }
        // The default (1000 here) applies without MAXREC, and a larger MAXREC is lowered to the maximum (5000).
        if (rows > 1000) {
            assertThat(VoTables.rows(TapClient.text(sync(query, "responseformat", "votable/td")))).hasSize(1000);
        }
    }

    @Test
    void geometryValuesComeBackInEveryFormat() throws Exception {
        // DALI point/circle/polygon arrays, each compared with the row's own ra and dec as an independent reader reads them
        String query = "SELECT TOP 40 id, ra, dec, POINT('ICRS', ra, dec) AS p, CIRCLE(ra, dec, 0.5) AS c,"
                + " POLYGON(ra, dec, ra + 1, dec, ra, dec + 1) AS poly, BOX(10, 20, 2, 1) AS b,"
                + " POINT(ra, CASE WHEN MOD(id, 2) = 0 THEN dec END) AS half FROM deep_optical.sources ORDER BY id";
        for (TableFormat format : TableFormat.values()) {
            HttpResponse<byte[]> response = sync(query, "RESPONSEFORMAT", format.mimeType());
            assertThat(response.statusCode()).as("%s: %s", format, TapClient.text(response)).isEqualTo(200);
            Path file = jobs.resolve("geometry." + format.fileExtension());
            java.nio.file.Files.write(file, response.body());
            List<Object[]> rows = new java.util.ArrayList<>();
            if (format == TableFormat.PARQUET) {
                try (java.sql.Connection connection = org.skysieve.catalog.duckdb.DuckDbConnections.openInMemory();
                        java.sql.Statement statement = connection.createStatement();
                        java.sql.ResultSet result = statement.executeQuery("SELECT * FROM read_parquet('" + file + "')")) {
                    while (result.next()) {
                        Object[] row = new Object[8];
                        for (int c = 0; c < 8; c++) {
                            Object value = result.getObject(c + 1);
                            row[c] = value instanceof java.sql.Array array ? java.util.Arrays.stream((Object[]) array.getArray())
                                    .mapToDouble(v -> ((Number) v).doubleValue()).toArray() : value;
                        }
                        rows.add(row);
                    }
                }
            } else {
                String kind = format == TableFormat.FITS ? "fits" : format.isVoTable() ? "votable" : format == TableFormat.CSV ? "csv" : "tst";
                if (format == TableFormat.TSV) {
                    for (String line : TapClient.text(response).split("\n")) {
                        if (!line.startsWith("id\t")) {
                            rows.add(java.util.Arrays.stream(line.split("\t", -1)).map(t -> (Object) t).toArray());
                        }
                    }
                } else {
                    uk.ac.starlink.table.StarTable table = new uk.ac.starlink.table.StarTableFactory(false).makeStarTable(file.toString(), kind);
                    try (uk.ac.starlink.table.RowSequence sequence = table.getRowSequence()) {
                        while (sequence.next()) {
                            rows.add(sequence.getRow());
                        }
                    }
                }
            }
            assertThat(rows).as("%s", format).hasSize(40);
            for (Object[] row : rows) {
                double ra = number(row[1]);
                double dec = number(row[2]);
                long id = (long) number(row[0]);
                assertThat(doubles(row[3])).as("%s point", format).containsExactly(ra, dec);
                assertThat(doubles(row[4])).as("%s circle", format).containsExactly(ra, dec, 0.5);
                double[] polygon = doubles(row[5]);
                assertThat(polygon).as("%s polygon", format).hasSize(6);
                assertThat(polygon[1]).isEqualTo(dec);
                assertThat(polygon[2]).isCloseTo((ra + 1) % 360, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(doubles(row[6])).as("%s box", format).hasSize(8);
                double[] half = doubles(row[7]);
                if (id % 2 == 0) {
                    assertThat(half).containsExactly(ra, dec);
                } else if (format == TableFormat.FITS) {
                    assertThat(half).as("FITS has no null array: NaNs").containsExactly(Double.NaN, Double.NaN);
                } else {
                    assertThat(half).as("%s null point", format).isNull();
                }
            }
        }
        String votable = TapClient.text(sync(query, "RESPONSEFORMAT", "votable"));
        VoTables.validate(votable);
        assertThat(votable).contains("name=\"p\" datatype=\"double\" arraysize=\"2\" xtype=\"point\" unit=\"deg\"")
                .contains("arraysize=\"3\" xtype=\"circle\"").contains("name=\"b\" datatype=\"double\" arraysize=\"*\" xtype=\"polygon\"");
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.parseDouble(value.toString());
    }

    /** An array cell as doubles: a double[] (STIL, DuckDB) or DALI text (CSV, TSV); null for a null or empty cell. */
    private static double[] doubles(Object value) {
        if (value instanceof double[] array) {
            return array;
        }
        if (value == null || value.toString().isEmpty()) {
            return null;
        }
        return java.util.Arrays.stream(value.toString().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void everyFormatAndAliasAnswersWithItsMimeType() throws Exception {
        for (TableFormat format : TableFormat.values()) {
            for (String name : concat(format.mimeType(), format.aliases())) {
                HttpResponse<byte[]> response = sync("SELECT TOP 3 id, ra, dec, flags FROM deep_optical.sources", "RESPONSEFORMAT", name);
                assertThat(response.statusCode()).as("%s: %s", name, TapClient.text(response)).isEqualTo(200);
                assertThat(response.headers().firstValue("content-type").orElseThrow()).as(name).startsWith(format.mimeType().split(";")[0]);
                if (format == TableFormat.CSV) {
                    assertThat(TapClient.text(response).split("\r\n")).hasSize(4).startsWith("id,ra,dec,flags");
                }
            }
        }
    }

    @Test
    void resultsAreNotGzippedForClientsThatAcceptGzip() throws Exception {
        // pyvo (python-requests) sends Accept-Encoding: gzip, deflate; gzip would cost more CPU than the whole result
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (TableFormat format : TableFormat.values()) {
            java.net.URI uri = java.net.URI.create("http://localhost:" + server.port() + "/tap/sync?LANG=ADQL&MAXREC=900&RESPONSEFORMAT="
                    + URLEncoder.encode(format.mimeType(), StandardCharsets.UTF_8) + "&QUERY="
                    + URLEncoder.encode("SELECT TOP 900 * FROM deep_optical.sources", StandardCharsets.UTF_8));
            HttpResponse<byte[]> response = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip, deflate").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("%s", format).isEqualTo(200);
            assertThat(response.headers().firstValue("content-encoding")).as("%s", format).isEmpty();
            assertThat(response.body().length).as("%s: a result, not an error", format).isGreaterThan(5_000);
        }
        // the other responses (VOSI documents) may still be compressed: only results are excluded
        HttpResponse<byte[]> tables = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + server.port()
                + "/tap/tables")).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tables.headers().firstValue("content-encoding")).contains("gzip");
    }

    @Test
    void parameterNamesAreCaseInsensitiveAndPostWorks() throws Exception {
        HttpResponse<byte[]> response = client.post("/tap/sync", Map.of("request", "doQuery", "Lang", "ADQL",
                "qUeRy", "SELECT TOP 2 id FROM deep_optical.sources", "responseFormat", "votable/td"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(VoTables.rows(TapClient.text(response))).hasSize(2);
    }

    @Test
    void resultColumnsCarryTheCatalogueDocumentation() throws Exception {
        String body = TapClient.text(sync("SELECT TOP 1 ra, flags FROM deep_optical.sources", "RESPONSEFORMAT", "votable"));
        VoTables.validate(body);
        ColumnDoc flags = archive.survey("deep_optical").orElseThrow().tables().get(0).table().column("flags").orElseThrow();
        assertThat(body).contains("unit=\"deg\"").contains("ucd=\"pos.eq.ra;meta.main\"")
                .contains("<OPTION name=\"" + flags.flags().orElseThrow().bits().get(0).name() + "\"");
    }

    @Test
    void errorsAreVoTablesThatNameTheProblem() throws Exception {
        Map<String, String> cases = Map.of(
                "/tap/sync?LANG=ADQL", "QUERY",
                "/tap/sync?LANG=PQL&QUERY=x", "LANG",
                "/tap/sync?QUERY=SELECT+1&MAXREC=-4", "MAXREC",
                "/tap/sync?QUERY=SELECT+1&RESPONSEFORMAT=excel", "RESPONSEFORMAT",
                "/tap/sync?QUERY=SELECT+nothing+FROM+nowhere.table", "nowhere",
                "/tap/sync?QUERY=SELECT+1&REQUEST=getCapabilities", "REQUEST",
                "/tap/tables/no_such.table", "no_such.table",
                "/tap/async/nosuchjob", "nosuchjob");
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            HttpResponse<byte[]> response = client.get(entry.getKey());
            String body = TapClient.text(response);
            assertThat(response.statusCode()).as(entry.getKey()).isIn(400, 404);
            VoTables.validate(body);
            assertThat(VoTables.queryStatus(body)).containsExactly("ERROR");
            assertThat(body).as(entry.getKey()).contains(entry.getValue());
        }
    }

    @Test
    void uploadedTablesJoinTheCatalogues() throws Exception {
        String csv = "id,label\n" + firstIds(3).stream().map(id -> id + ",mine " + id).reduce("", (a, b) -> a + b + "\n");
        HttpResponse<byte[]> response = client.multipart("/tap/sync", Map.of("LANG", "ADQL", "RESPONSEFORMAT", "votable/td",
                        "UPLOAD", "mine,param:list",
                        "QUERY", "SELECT s.id, u.label FROM deep_optical.sources AS s JOIN TAP_UPLOAD.mine AS u ON s.id = u.id ORDER BY s.id"),
                Map.of("list", csv.getBytes(StandardCharsets.UTF_8)));
        String body = TapClient.text(response);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        assertThat(VoTables.rows(body)).hasSize(3).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("mine " + row.get(0)));

        HttpResponse<byte[]> tooLarge = client.multipart("/tap/sync", Map.of("QUERY", "SELECT 1", "UPLOAD", "big,param:big"),
                Map.of("big", new byte[(1 << 20) + 10]));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(TapClient.text(tooLarge)).contains("QUERY_STATUS").contains("bytes");
        HttpResponse<byte[]> muchTooLarge = client.multipart("/tap/sync", Map.of("QUERY", "SELECT 1", "UPLOAD", "big,param:big"),
                Map.of("big", new byte[3 << 20]));
        assertThat(muchTooLarge.statusCode()).as(TapClient.text(muchTooLarge)).isEqualTo(413);
    }

    @Test
    void uploadsAreLimitedInRowsAsAdvertised() throws Exception {
        String capabilities = TapClient.text(client.get("/tap/capabilities"));
        assertThat(capabilities).contains("<uploadLimit>\n   <default unit=\"row\">" + UPLOAD_ROWS + "</default>\n   <hard unit=\"byte\">"
                + (1 << 20) + "</hard>\n  </uploadLimit>");
        for (int rows : new int[] {UPLOAD_ROWS, UPLOAD_ROWS + 1}) {
            StringBuilder csv = new StringBuilder("n,ra,dec\n");
            for (int i = 0; i < rows; i++) {
                csv.append(i).append(',').append(i * 0.001).append(",-10\n");
            }
            HttpResponse<byte[]> response = client.multipart("/tap/sync", Map.of("LANG", "ADQL", "RESPONSEFORMAT", "csv",
                    "UPLOAD", "mine,param:list", "QUERY", "SELECT count(*) AS n FROM TAP_UPLOAD.mine"), Map.of("list", csv.toString()
                    .getBytes(StandardCharsets.UTF_8)));
            String body = TapClient.text(response);
            if (rows <= UPLOAD_ROWS) {
                assertThat(response.statusCode()).as(body).isEqualTo(200);
                assertThat(body).contains("\r\n" + rows);
            } else {
                assertThat(response.statusCode()).as(body).isEqualTo(413);
                assertThat(VoTables.queryStatus(body)).containsExactly("ERROR");
                assertThat(body).contains("Expected at most " + UPLOAD_ROWS + " rows in uploaded table mine");
            }
        }
    }

    @Test
    void tapSchemaAndVosiTablesDescribeEveryCatalogueColumn() throws Exception {
        String tables = TapClient.text(client.get("/tap/tables"));
        for (PublishedTable table : archive.surveys().stream().flatMap(s -> s.tables().stream()).toList()) {
            assertThat(tables).contains("<name>" + table.qualifiedName() + "</name>");
            String count = TapClient.text(sync("SELECT count(*) FROM TAP_SCHEMA.columns WHERE table_name = '" + table.qualifiedName() + "'",
                    "RESPONSEFORMAT", "csv"));
            assertThat(count.split("\r\n")[1]).isEqualTo(Integer.toString(table.table().columns().size()));
            String one = TapClient.text(client.get("/tap/tables/" + table.qualifiedName()));
            for (ColumnDoc column : table.table().columns()) {
                assertThat(one).contains("<name>" + column.name() + "</name>");
                if (!column.unit().isEmpty()) {
                    assertThat(tables).contains("<unit>" + column.unit() + "</unit>");
                }
            }
        }
        String flagBits = TapClient.text(sync("SELECT flag_bits FROM TAP_SCHEMA.columns WHERE table_name = 'deep_optical.sources'"
                + " AND column_name = 'flags'", "RESPONSEFORMAT", "csv"));
        assertThat(flagBits).contains("bit 0 (1)");
        assertThat(TapClient.text(client.get("/tap/tables?detail=min"))).doesNotContain("<column>");
    }

    @Test
    void everyPublishedExampleRunsAndReturnsRows() throws Exception {
        for (TapExamples.Example example : TapExamples.EXAMPLES) {
            HttpResponse<byte[]> response = sync(example.query(), "RESPONSEFORMAT", "votable/td");
            String body = TapClient.text(response);
            assertThat(response.statusCode()).as("%s: %s", example.id(), body).isEqualTo(200);
            VoTables.validate(body);
            assertThat(VoTables.queryStatus(body)).as(example.id()).startsWith("OK");
        }
    }

    @Test
    void adqlErrorsNameTheLineAndColumn() throws Exception {
        Map<String, String> cases = Map.of(
                "SELECT id\nFROM deep_optical.sources\nWHERE no_such_column > 1", "error at 3:7",
                "SELECT id FROM deep_optical.sources WHERE", "error at 1:",
                "SELECT id FROM deep_optical.sources; SELECT 1", "error at 1:",
                "SELECT x FROM read_parquet('/etc/passwd')", "error at 1:");
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            HttpResponse<byte[]> response = sync(entry.getKey());
            String body = TapClient.text(response);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            VoTables.validate(body);
            assertThat(VoTables.queryStatus(body)).containsExactly("ERROR");
            assertThat(body).as(entry.getKey()).contains(entry.getValue());
        }
    }

    @Test
    void tapSchemaIsQueryableInAdqlAndAgreesWithTheCatalogue() throws Exception {
        ColumnDoc flags = archive.survey("deep_optical").orElseThrow().tables().get(0).table().column("flags").orElseThrow();
        String body = TapClient.text(sync("SELECT * FROM TAP_SCHEMA.columns WHERE table_name='deep_optical.sources'",
                "RESPONSEFORMAT", "votable/td"));
        VoTables.validate(body);
        List<List<String>> rows = VoTables.rows(body);
        assertThat(rows).hasSize(archive.survey("deep_optical").orElseThrow().tables().get(0).table().columns().size());
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("flags", flags.unit().isEmpty() ? "flags" : flags.unit()));
        String sizes = TapClient.text(sync("SELECT TOP 1 \"size\", column_name FROM TAP_SCHEMA.columns", "RESPONSEFORMAT", "csv"));
        assertThat(sizes).startsWith("size,column_name");
    }

    @Test
    void capabilitiesAdvertiseTheConfiguredLimits() throws Exception {
        String capabilities = TapClient.text(client.get("/tap/capabilities"));
        VoTables.parse(capabilities);
        assertThat(capabilities).contains("<capability standardID=\"ivo://skysieve/moc\">")
                .containsPattern("<accessURL use=\"base\">http://[^<]+:" + server.port() + "/moc</accessURL>");
        assertThat(capabilities).contains("<default unit=\"row\">1000</default>").contains("<hard unit=\"row\">5000</hard>")
                .contains("<hard unit=\"byte\">1048576</hard>").contains("ivo://ivoa.net/std/ADQL#v2.1")
                .contains("ivo://ivoa.net/std/TAPRegExt#output-votable-binary2")
                .contains("<languageFeatures type=\"ivo://ivoa.net/std/TAPRegExt#features-udf\">")
                .contains("<form>sieve_coverage(survey VARCHAR, band VARCHAR, ra DOUBLE, dec DOUBLE) -&gt; VARCHAR</form>");
        assertThat(TapClient.text(client.get("/tap/availability"))).contains("<vosi:available>true</vosi:available>");
        String examples = TapClient.text(client.get("/tap/examples"));
        VoTables.parse(examples);
        assertThat(examples).contains("property=\"query\"").contains("typeof=\"example\"");
    }

    private static List<String> firstIds(int count) throws Exception {
        String csv = TapClient.text(sync("SELECT TOP " + count + " id FROM deep_optical.sources ORDER BY id", "RESPONSEFORMAT", "csv"));
        return List.of(csv.split("\r\n")).subList(1, count + 1);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(rest);
        all.add(0, first);
        return all;
    }
}
