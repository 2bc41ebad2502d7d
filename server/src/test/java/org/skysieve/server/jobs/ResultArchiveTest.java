package org.skysieve.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TAR headers as Python's tarfile reads them (its own checksum check included), for sizes that fit the octal field
 * and sizes past 8 GiB in base-256; file contents round trips are in the dataset HTTP tests.
 */
class ResultArchiveTest {
    @Test
    void pythonReadsOurTarHeadersForSmallAndHugeSizes(@TempDir Path folder) throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/python3"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Expected /usr/bin/python3");
        }
        assumeTrue(present, "python3 absent; skipping");
        long[] sizes = {0, 1, 511, 077777777777L, 077777777777L + 1, 300L << 30};
        long mtime = Instant.parse("2026-11-24T06:00:00Z").getEpochSecond();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            String name = "ds-0123/features-000" + i + ".parquet";
            Files.write(folder.resolve("header-" + i), ResultArchive.tarHeader(name, sizes[i], mtime));
            expected.append(name).append(' ').append(sizes[i]).append(' ').append(mtime).append(" 420\n");
        }
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import sys, tarfile",
                "for i in range(" + sizes.length + "):",
                "    info = tarfile.TarInfo.frombuf(open(sys.argv[1] + '/header-' + str(i), 'rb').read(), 'utf-8',"
                        + " 'surrogateescape')",
                "    assert info.isfile()",
                "    print(info.name, info.size, info.mtime, info.mode)"), folder.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEqualTo(expected.toString());
    }

    @Test
    void namesLongerThanATarHeaderHoldsAndUnknownFormatsAreRefused() {
        assertThatThrownBy(() -> ResultArchive.tarHeader("x".repeat(101), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 100 bytes");
        assertThatThrownBy(() -> ResultArchive.Format.parse("rar")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected format=zip or format=tar. Actual: format=rar");
        assertThat(ResultArchive.Format.parse("TAR")).isEqualTo(ResultArchive.Format.TAR);
    }
}
