package org.skysieve.datasets.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards written each on its own ({@link ShardTask}, as Spark's tasks do: only the shard's rows loaded, from the plan
 * saved in the work folder), three at once and last shard first, give a dataset byte-identical to the one written
 * shard after shard, manifest and card included.
 */
class ShardTaskTest {
    @TempDir
    Path folder;

    @Test
    void shardsWrittenApartAndAtOnceGiveTheSameBytes() throws Exception {
        TinySky sky = TinySky.get();
        DatasetManifest sequential = sky.built();
        AtomicInteger tasks = new AtomicInteger();
        ShardWriting parallel = (job, progress, cancelled) -> {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<ShardRange> lastFirst = new ArrayList<>(job.shards());
                java.util.Collections.reverse(lastFirst);
                List<Future<ShardRecord>> futures = new ArrayList<>();
                for (ShardRange range : lastFirst) {
                    futures.add(0, pool.submit(() -> {
                        tasks.incrementAndGet();
                        return ShardTask.write(job.dataDirectory(), job.outDirectory(), range, 1);
                    }));
                }
                List<ShardRecord> records = new ArrayList<>();
                for (Future<ShardRecord> future : futures) {
                    records.add(future.get());
                }
                return records;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
        };
        Path out = folder.resolve("parallel");
        DatasetManifest manifest = new DatasetBuilder(sky.planner(new AtomicInteger()), parallel).build(
                TinySky.spec(10, true), sky.root, out, BuildProgress.none(), () -> false, new BuildTimes());

        assertThat(tasks).hasValue(sequential.shards().size());
        assertThat(manifest.shards()).isEqualTo(sequential.shards());
        assertThat(names(out)).isEqualTo(names(sequential.folder())).contains("manifest.json", "README.md",
                "cutouts-0000.npy");
        for (String name : names(out)) {
            assertThat(Files.readAllBytes(out.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(sequential.folder().resolve(name)));
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
