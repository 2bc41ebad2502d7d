package org.skysieve.datasets.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;

/**
 * NumPy and pandas (Debian python3-numpy, python3-pandas, run as /usr/bin/python3) load the files of a dataset with
 * the shapes and dtypes the manifest documents ({@code load_dataset.py}). Absent Python or packages skip the tests,
 * except on CI ({@code CI=true}) where they fail. pandas reads Parquet only with pyarrow or fastparquet, which Debian 12
 * does not package: without either, the Parquet test is skipped with that message (on CI too); the .npy features need
 * neither.
 */
class PythonLoadTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path folder;
    private Path script;
    private DatasetManifest manifest;

    @BeforeEach
    void copyScript() throws Exception {
        require(Files.isExecutable(PYTHON), "/usr/bin/python3");
        require(run("import numpy, pandas").exitCode == 0, "python3-numpy and python3-pandas");
        manifest = TinySky.get().built();
        script = folder.resolve("load_dataset.py");
        try (InputStream in = PythonLoadTest.class.getResourceAsStream("load_dataset.py")) {
            Files.copy(in, script);
        }
    }

    @Test
    void numpyLoadsEveryTensorMaskAndFeaturesArray() throws Exception {
        Result result = run(null, script.toString(), "numpy", manifest.folder().toString());
        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains("cutouts-0000.npy float32 (10, 3, 33, 33)")
                .contains("features-0000.npy (10,) float matrix (10, ").contains("numpy ok");
        long lines = result.output.lines().filter(line -> line.startsWith("features-")).count();
        assertThat(lines).isEqualTo(manifest.shards().size());
    }

    /** Every value of pandas.DataFrame(numpy.load(features-XXXX.npy)) is the Parquet's, nulls as documented. */
    @Test
    void pandasFeaturesFromNpyEqualTheParquetValues() throws Exception {
        Path values = folder.resolve("values.json");
        Result result = run(null, script.toString(), "pandas-npy", manifest.folder().toString(), values.toString());
        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains("pandas-npy ok " + manifest.rowCount() + " rows");
        JsonNode python = new ObjectMapper().readTree(values.toFile());
        List<ColumnDoc> columns = manifest.columns();
        assertThat(columns).extracting(ColumnDoc::type).contains(ColumnType.STRING, ColumnType.DOUBLE, ColumnType.LONG);
        List<String> files = new ArrayList<>();
        manifest.shards().forEach(shard -> files.add(SqlText.literal(manifest.folder()
                .resolve(ShardRecord.featuresName(shard.index())).toString())));
        int nulls = 0;
        try (Connection connection = DuckDbConnections.openInMemory();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * EXCLUDE (filename, file_row_number) FROM read_parquet(["
                        + String.join(", ", files) + "], filename = true, file_row_number = true)"
                        + " ORDER BY filename, file_row_number")) {
            int row = 0;
            while (rows.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    ColumnDoc column = columns.get(i);
                    String actual = python.get(column.name()).get(row).asText();
                    Object expected = rows.getObject(i + 1);
                    nulls += expected == null ? 1 : 0;
                    String where = column.name() + " row " + row;
                    switch (column.type()) {
                        case DOUBLE, FLOAT -> assertThat(Double.valueOf(actual.equals("nan") ? Double.NaN
                                : Double.parseDouble(actual))).as(where).isEqualTo(Double.valueOf(expected == null
                                        ? Double.NaN : ((Number) expected).doubleValue())); // boxed: NaN equals NaN
                        case LONG, INT, SHORT -> assertThat(Long.parseLong(actual)).as(where).isEqualTo(expected == null
                                ? Long.parseLong(FeaturesNpy.nullValue(column.type())) : ((Number) expected).longValue());
                        case BOOLEAN -> assertThat(actual).as(where)
                                .isEqualTo(Boolean.TRUE.equals(expected) ? "True" : "False");
                        default -> assertThat(actual).as(where).isEqualTo(expected == null ? "" : expected.toString());
                    }
                }
                row++;
            }
            assertThat(row).isEqualTo(manifest.rowCount());
        }
        assertThat(nulls).as("the tiny dataset has missing magnitudes, so nulls are compared").isPositive();
    }

    @Test
    void pandasReadsTheParquetShardsWhereAnEngineIsInstalled() throws Exception {
        Result result = run(null, script.toString(), "pandas-parquet", manifest.folder().toString());
        assertThat(result.exitCode).as(result.output).isZero();
        assumeTrue(result.output.contains("pandas ok"), "pandas has no Parquet engine (pyarrow or fastparquet; Debian"
                + " 12 packages neither), the Parquet shards were not loaded: " + result.output.strip());
    }

    private static void require(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected " + what + " on CI");
        }
        assumeTrue(present, what + " absent; skipping");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String code, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        if (code != null) {
            command.add("-c");
            command.add(code);
        }
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
