package org.skysieve.datasets.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NumPy and pandas (Debian python3-numpy, python3-pandas, run as /usr/bin/python3) load every file of a dataset with
 * the shapes and dtypes the manifest documents ({@code load_dataset.py}). Absent Python or packages skip the test,
 * except on CI ({@code CI=true}) where they fail. pandas reads Parquet only with pyarrow or fastparquet, which Debian 12
 * does not package: without either, the features part is skipped with that message (on CI too).
 */
class PythonLoadTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path folder;

    @Test
    void numpyAndPandasLoadEveryFile() throws Exception {
        require(Files.isExecutable(PYTHON), "/usr/bin/python3");
        require(run("import numpy, pandas").exitCode == 0, "python3-numpy and python3-pandas");
        Path out = TinySky.get().built().folder();
        Path script = folder.resolve("load_dataset.py");
        try (InputStream in = PythonLoadTest.class.getResourceAsStream("load_dataset.py")) {
            Files.copy(in, script);
        }
        Result result = run(null, script.toString(), out.toString());
        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains("cutouts-0000.npy float32 (10, 3, 33, 33)").contains("numpy ok");
        assumeTrue(result.output.contains("pandas ok"), "pandas has no Parquet engine (pyarrow or fastparquet; Debian"
                + " 12 packages neither), the features part was not loaded: " + result.output.strip());
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
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(PYTHON.toString()));
        if (code != null) {
            command.add("-c");
            command.add(code);
        }
        command.addAll(java.util.List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
