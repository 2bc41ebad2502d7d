package org.skysieve.datasets.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.datasets.plan.PlannedDataset;
import org.skysieve.datasets.spec.DatasetSpec;

/**
 * A build on the tiny sky: the files and counts agree with the plan, every checksum holds, a rebuild gives the same
 * bytes, an interrupted build continues from its last finished shard and ends with the same bytes, and a failed or
 * refused build leaves no manifest.
 */
class DatasetBuilderTest {
    private static final int SHARD_ROWS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private DatasetManifest build(DatasetSpec spec, Path out, AtomicInteger planCalls, java.util.function.BooleanSupplier cancelled)
            throws Exception {
        TinySky sky = TinySky.get();
        return new DatasetBuilder(sky.planner(planCalls)).build(spec, sky.root, out, BuildProgress.none(), cancelled,
                new BuildTimes());
    }

    @Test
    void shardsHoldThePlannedRowsWithTheirCountsAndChecksums() throws Exception {
        DatasetManifest manifest = TinySky.get().built();
        Path out = manifest.folder();

        assertThat(manifest.rowCount()).isGreaterThan(2L * SHARD_ROWS);
        int shardCount = (int) ((manifest.rowCount() + SHARD_ROWS - 1) / SHARD_ROWS);
        assertThat(manifest.shards()).hasSize(shardCount);
        List<String> expectedNames = new ArrayList<>();
        Map<String, Long> splitSums = new TreeMap<>();
        for (ShardRecord shard : manifest.shards()) {
            int index = shard.index();
            assertThat(shard.firstRow()).isEqualTo((long) index * SHARD_ROWS);
            assertThat(shard.rowCount()).isEqualTo(Math.min(SHARD_ROWS, manifest.rowCount() - shard.firstRow()));
            assertThat(shard.files()).extracting(FileChecksum::name).containsExactly(ShardRecord.featuresName(index),
                    ShardRecord.featuresNpyName(index), ShardRecord.cutoutsName(index), ShardRecord.maskName(index));
            expectedNames.addAll(shard.files().stream().map(FileChecksum::name).toList());
            assertThat(featureRows(out.resolve(ShardRecord.featuresName(index)))).isEqualTo(shard.rowCount());
            assertThat(npyHeader(out.resolve(ShardRecord.cutoutsName(index)))).contains("'descr': '<f4'")
                    .contains("'shape': (" + shard.rowCount() + ", 3, 33, 33)");
            assertThat(npyHeader(out.resolve(ShardRecord.maskName(index)))).contains("'descr': '|u1'")
                    .contains("'shape': (" + shard.rowCount() + ", 3, 33, 33)");
            shard.rowsPerSplit().forEach((split, count) -> splitSums.merge(split, count, Long::sum));
            long stamps = shard.cutoutStatusCounts().values().stream()
                    .mapToLong(counts -> counts.values().stream().mapToLong(Long::longValue).sum()).sum();
            assertThat(stamps).isEqualTo(3 * shard.rowCount());
        }
        Map<String, Long> nonEmpty = new TreeMap<>(manifest.rowsPerSplit());
        nonEmpty.values().removeIf(count -> count == 0);
        assertThat(splitSums).isEqualTo(nonEmpty);
        assertThat(splitSums).containsKeys("train", "validation");
        expectedNames.add("README.md");
        expectedNames.add("manifest.json");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList())
                    .containsExactlyInAnyOrderElementsOf(expectedNames);
        }
        for (FileChecksum file : manifest.files()) {
            assertThat(file.matches(out)).as(file.name()).isTrue();
            // computed while writing (all but DuckDB's Parquet): equal to a fresh SHA-256 of the whole file
            byte[] bytes = Files.readAllBytes(out.resolve(file.name()));
            assertThat(file.bytes()).as(file.name()).isEqualTo(bytes.length);
            assertThat(file.sha256()).as(file.name()).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        for (ShardRecord shard : manifest.shards()) {
            assertThat(manifest.files()).as("the shard's record and the manifest agree").containsAll(shard.files());
        }

        JsonNode json = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(json.get("format").asText()).isEqualTo(ManifestJson.FORMAT);
        assertThat(json.get("spec").asText()).isEqualTo(TinySky.spec(SHARD_ROWS, true).text());
        assertThat(json.get("rows").asLong()).isEqualTo(manifest.rowCount());
        assertThat(json.get("survey_versions").get("deep_optical").asText()).isEqualTo("tiny-42");
        assertThat(json.get("code_version").get("version").asText()).isNotBlank();
        JsonNode commit = json.get("code_version").get("commit");
        assertThat(commit.isNull() ? Optional.<String>empty() : Optional.of(commit.asText()))
                .as("the commit the code was built from").isEqualTo(CodeVersionTest.gitHead());
        assertThat(json.get("files")).hasSize(manifest.files().size());
        assertThat(json.get("statuses").get("mag_r_status").get("detected").asLong()).isPositive();
        assertThat(json.get("cutouts").get("statuses").get("r").get("ok").asLong()).isPositive();
        assertThat(json.get("cutouts").get("statuses").get("r").get("partial").asLong())
                .as("objects near the plate edges").isPositive();
        assertThat(Files.readString(out.resolve("README.md"))).contains("# tiny_stars_and_galaxies")
                .contains("cutouts-XXXX.npy").contains("| train | " + manifest.rowsPerSplit().get("train") + " |")
                .contains("features-XXXX.npy").contains("| split_cell | BIGINT | `<i8` (-9223372036854775808) |");
        assertThat(json.get("columns").get(4).get("npy_dtype").asText()).isEqualTo("<i8");
        assertThat(json.get("columns").get(0).get("npy_null").asText()).isEqualTo("''");
        assertThat(out.resolve(WorkFolder.NAME)).doesNotExist();
    }

    @Test
    void featuresCarryTheColumnDocumentationAndStatusMeanings() throws Exception {
        Path out = folder.resolve("features-only");
        DatasetManifest manifest = build(TinySky.spec(1000, false), out, new AtomicInteger(), () -> false);
        assertThat(manifest.shards()).hasSize(1);
        assertThat(manifest.shards().get(0).files()).extracting(FileChecksum::name)
                .containsExactly("features-0000.parquet", "features-0000.npy");
        Map<String, String> metadata = new TreeMap<>();
        try (Connection connection = DuckDbConnections.openInMemory();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata("
                        + SqlText.literal(out.resolve("features-0000.parquet").toString()) + ")")) {
            while (rows.next()) {
                metadata.put(rows.getString(1), rows.getString(2));
            }
        }
        assertThat(metadata.get("IVOA.VOTable-Parquet.version")).isEqualTo("1.0");
        assertThat(metadata.get("IVOA.VOTable-Parquet.content")).contains("name=\"mag_r_status\"")
                .contains("unit=\"mag\"").contains("ucd=\"pos.eq.ra;meta.main\"").contains("OPTION");
        assertThat(metadata.get(PlannedRows.STATUS_KEY)).contains("undetected").contains("unobserved");
        assertThat(metadata.get(PlannedRows.DATASET_KEY)).isEqualTo("tiny_stars_and_galaxies");
        assertThat(metadata.get(PlannedRows.FIRST_ROW_KEY)).isEqualTo("0");
    }

    @Test
    void rebuildingGivesTheSameBytes() throws Exception {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        build(TinySky.spec(SHARD_ROWS, true), first, new AtomicInteger(), () -> false);
        build(TinySky.spec(SHARD_ROWS, true), second, new AtomicInteger(), () -> false);
        assertSameFiles(first, second);
    }

    @Test
    void anInterruptedBuildContinuesFromItsLastFinishedShard() throws Exception {
        Path whole = folder.resolve("whole");
        build(TinySky.spec(SHARD_ROWS, true), whole, new AtomicInteger(), () -> false);

        Path interrupted = folder.resolve("interrupted");
        AtomicInteger planCalls = new AtomicInteger();
        AtomicLong shardsDone = new AtomicLong();
        TinySky sky = TinySky.get();
        DatasetBuilder builder = new DatasetBuilder(sky.planner(planCalls));
        BuildProgress progress = (stage, done, total) -> {
            if (stage.equals("shards")) {
                shardsDone.set(done);
            }
        };
        assertThatThrownBy(() -> builder.build(TinySky.spec(SHARD_ROWS, true), sky.root, interrupted, progress,
                () -> shardsDone.get() >= 1, new BuildTimes()))
                .isInstanceOfSatisfying(DatasetBuildException.class,
                        e -> assertThat(e.reason()).isEqualTo(DatasetBuildException.Reason.CANCELLED));
        assertThat(interrupted.resolve("manifest.json")).doesNotExist();
        assertThat(interrupted.resolve("features-0000.parquet")).exists();
        assertThat(interrupted.resolve("features-0001.parquet")).doesNotExist();
        // a fixed time in the past: a shard written again gets a new one, however coarse the file system's clock
        long firstShardWritten = 946_684_800_000L;
        Files.setLastModifiedTime(interrupted.resolve("cutouts-0000.npy"), java.nio.file.attribute.FileTime.fromMillis(firstShardWritten));

        builder.build(TinySky.spec(SHARD_ROWS, true), sky.root, interrupted, BuildProgress.none(), () -> false,
                new BuildTimes());
        assertThat(planCalls).as("the saved plan is reused").hasValue(1);
        assertThat(Files.getLastModifiedTime(interrupted.resolve("cutouts-0000.npy")).toMillis())
                .as("the finished shard is kept").isEqualTo(firstShardWritten);
        assertSameFiles(whole, interrupted);
    }

    @Test
    void aDamagedShardOrAChangedSpecIsRebuilt() throws Exception {
        Path whole = folder.resolve("whole");
        build(TinySky.spec(SHARD_ROWS, false), whole, new AtomicInteger(), () -> false);

        Path out = folder.resolve("damaged");
        AtomicInteger planCalls = new AtomicInteger();
        AtomicLong shardsDone = new AtomicLong();
        TinySky sky = TinySky.get();
        DatasetBuilder builder = new DatasetBuilder(sky.planner(planCalls));
        BuildProgress progress = (stage, done, total) -> shardsDone.set(stage.equals("shards") ? done : shardsDone.get());
        assertThatThrownBy(() -> builder.build(TinySky.spec(SHARD_ROWS, false), sky.root, out, progress,
                () -> shardsDone.get() >= 2, new BuildTimes())).isInstanceOf(DatasetBuildException.class);
        Path shard = out.resolve("features-0000.parquet");
        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length / 2] ^= 1;
        Files.write(shard, bytes);
        builder.build(TinySky.spec(SHARD_ROWS, false), sky.root, out, BuildProgress.none(), () -> false,
                new BuildTimes());
        assertSameFiles(whole, out);
        assertThat(planCalls).hasValue(1);

        // another spec text: planned again, and the shards of the former dataset beyond the new count are gone
        DatasetSpec bigger = TinySky.spec(SHARD_ROWS * 2, false);
        DatasetManifest rebuilt = builder.build(bigger, sky.root, out, BuildProgress.none(), () -> false,
                new BuildTimes());
        assertThat(planCalls).hasValue(2);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(path -> path.getFileName().toString().startsWith("features-")).count())
                    .isEqualTo(2L * rebuilt.shards().size()); // features-XXXX.parquet and features-XXXX.npy
        }
    }

    @Test
    void aFailedOrRefusedBuildLeavesNoManifestAndKeepsAFormerDataset() throws Exception {
        Path out = folder.resolve("failed");
        DatasetBuilder failing = new DatasetBuilder((spec, data, work, progress) -> {
            throw new IOException("planner failed");
        });
        assertThatThrownBy(() -> failing.build(TinySky.spec(SHARD_ROWS, false), TinySky.get().root, out,
                BuildProgress.none(), () -> false, new BuildTimes())).hasMessage("planner failed");
        assertThat(out).as("made by the failed build, then removed").doesNotExist();

        // a spec that fails in planning leaves a former dataset in the folder untouched and finished
        Path kept = folder.resolve("kept");
        DatasetManifest former = build(TinySky.spec(SHARD_ROWS, false), kept, new AtomicInteger(), () -> false);
        assertThatThrownBy(() -> failing.build(TinySky.spec(SHARD_ROWS, false), TinySky.get().root, kept,
                BuildProgress.none(), () -> false, new BuildTimes())).hasMessage("planner failed");
        assertThat(kept.resolve("manifest.json")).exists();
        assertThat(kept.resolve(WorkFolder.NAME)).doesNotExist();
        for (FileChecksum file : former.files()) {
            assertThat(file.matches(kept)).as(file.name()).isTrue();
        }

        Path foreign = folder.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> build(TinySky.spec(SHARD_ROWS, false), foreign, new AtomicInteger(), () -> false))
                .isInstanceOfSatisfying(DatasetBuildException.class,
                        e -> assertThat(e.reason()).isEqualTo(DatasetBuildException.Reason.OUTPUT_FOLDER))
                .hasMessageContaining("notes.txt");
        try (Stream<Path> files = Files.list(foreign)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).containsExactly("notes.txt");
        }
    }

    @Test
    void anEmptyPlanGivesAFinishedDatasetWithoutShards() throws Exception {
        DatasetBuilder empty = new DatasetBuilder((spec, data, work, progress) -> {
            Files.createDirectories(work);
            Path rows = work.resolve("rows.parquet");
            try (Connection connection = DuckDbConnections.openInMemory();
                    Statement statement = connection.createStatement()) {
                statement.execute("COPY (SELECT 'x' AS object_id, 0.0 AS ra, 0.0 AS dec, 'train' AS split,"
                        + " CAST(0 AS BIGINT) AS split_cell WHERE false) TO " + SqlText.literal(rows.toString())
                        + " (FORMAT parquet)");
            }
            List<ColumnDoc> columns = List.of(ColumnDoc.of("object_id", ColumnType.STRING, "", "meta.id", "Id."),
                    ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra", "RA."),
                    ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec", "Dec."),
                    ColumnDoc.of("split", ColumnType.STRING, "", "meta.dataset", "Split."),
                    ColumnDoc.of("split_cell", ColumnType.LONG, "", "pos.healpix", "Cell."));
            return new PlannedDataset(rows, 0, columns,
                    Map.of("train", 0L, "validation", 0L, "test", 0L), Map.of(), Map.of("deep_optical", "v"));
        });
        Path out = folder.resolve("empty");
        DatasetManifest manifest = empty.build(TinySky.spec(SHARD_ROWS, true), TinySky.get().root, out,
                BuildProgress.none(), () -> false, new BuildTimes());
        assertThat(manifest.shards()).isEmpty();
        assertThat(manifest.rowCount()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted().toList())
                    .containsExactly("README.md", "manifest.json");
        }
        assertThat(JSON.readTree(out.resolve("manifest.json").toFile()).get("rows").asLong()).isZero();
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(expected)) {
            names = files.map(path -> path.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> files = Files.list(actual)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted().toList()).isEqualTo(names);
        }
        for (String name : names) {
            assertThat(Files.mismatch(expected.resolve(name), actual.resolve(name))).as(name).isEqualTo(-1L);
        }
    }

    private static long featureRows(Path parquet) throws SQLException {
        try (Connection connection = DuckDbConnections.openInMemory();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM read_parquet("
                        + SqlText.literal(parquet.toString()) + ")")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String npyHeader(Path npy) throws IOException {
        byte[] start = new byte[4096];
        try (var in = Files.newInputStream(npy)) {
            int read = in.readNBytes(start, 0, start.length);
            ByteBuffer buffer = ByteBuffer.wrap(start, 0, read).order(ByteOrder.LITTLE_ENDIAN);
            int length = buffer.getShort(8) & 0xFFFF;
            return new String(start, 10, length, StandardCharsets.US_ASCII);
        }
    }
}
