package org.skysieve.datasets.build;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.skysieve.catalog.model.SurveyJson;

/**
 * The hidden folder {@code OUT/.skysieve-build} where a build keeps what it needs to continue: {@code plan.json} and the
 * planned rows ({@code plan/}), one {@code shard-XXXX/} folder per shard being written, and one
 * {@code shard-XXXX.json} done record per finished shard (written after its files were moved into OUT). It is deleted
 * once the manifest is written. Files are written under a temporary name and renamed, so a file with its final name is
 * complete.
 */
final class WorkFolder {
    static final String NAME = ".skysieve-build";
    /** The names a dataset folder may hold: the dataset's files and the work folder. */
    private static final Pattern DATASET_FILE = Pattern.compile(
            "(features-\\d{4,}\\.parquet|features-\\d{4,}\\.npy|cutouts-\\d{4,}\\.npy|mask-\\d{4,}\\.npy|manifest\\.json|README\\.md|"
                    + Pattern.quote(NAME) + ")");
    private final Path out;
    private final Path folder;

    private WorkFolder(Path out) {
        this.out = out;
        this.folder = out.resolve(NAME);
    }

    /**
     * Opens the work folder of {@code out}, made when absent. {@code out} must be absent, empty, a finished dataset
     * (its manifest is deleted by {@link #unfinish} once the plan is made: the folder is then unfinished until the new
     * manifest is written) or an unfinished one; anything else is refused before any file is touched.
     */
    static WorkFolder open(Path out) throws IOException {
        requireNonNull(out, "out is null");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new DatasetBuildException(DatasetBuildException.Reason.OUTPUT_FOLDER,
                    "Expected an output folder. Actual: " + out + " is a file");
        }
        if (Files.isDirectory(out)) {
            List<String> foreign = new ArrayList<>();
            try (Stream<Path> entries = Files.list(out)) {
                entries.map(path -> path.getFileName().toString()).filter(name -> !DATASET_FILE.matcher(name).matches())
                        .sorted().forEach(foreign::add);
            }
            if (!foreign.isEmpty()) {
                throw new DatasetBuildException(DatasetBuildException.Reason.OUTPUT_FOLDER, "Expected an empty output"
                        + " folder or a dataset's (features-XXXX.parquet, features-XXXX.npy, cutouts-XXXX.npy, mask-XXXX.npy, manifest.json,"
                        + " README.md). Actual: " + out + " also holds " + foreign);
            }
        }
        WorkFolder work = new WorkFolder(out);
        Files.createDirectories(work.folder);
        return work;
    }

    /** The work folder of {@code out} as it is (made by {@link #open} in the build that plans): for a shard written elsewhere. */
    static WorkFolder existing(Path out) {
        WorkFolder work = new WorkFolder(requireNonNull(out, "out is null"));
        if (!Files.isDirectory(work.folder)) {
            throw new DatasetBuildException(DatasetBuildException.Reason.OUTPUT_FOLDER, "Expected the build's work folder "
                    + work.folder + ". Actual: absent (the data and dataset folders must be at the same paths wherever shards are written)");
        }
        return work;
    }

    /** Marks OUT unfinished (its manifest deleted) before any of its files is replaced. */
    void unfinish() throws IOException {
        Files.deleteIfExists(out.resolve(DatasetManifest.FILE_NAME));
    }

    /**
     * After a failed plan: forgets the work folder when no shard was finished yet (nothing to continue from), and OUT
     * too when this build created it and it is empty.
     */
    void abandon(boolean createdOut) throws IOException {
        boolean shardsDone;
        try (Stream<Path> entries = Files.list(folder)) {
            shardsDone = entries.anyMatch(path -> path.getFileName().toString().matches("shard-\\d{4,}\\.json"));
        }
        if (!shardsDone) {
            deleteTree(folder);
        }
        if (createdOut) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(out);
                }
            }
        }
    }

    /** The DuckDB file the planned rows are loaded into for cutting. */
    Path rowsDatabase() {
        return folder.resolve("rows.duckdb");
    }

    Path out() {
        return out;
    }

    Path planFile() {
        return folder.resolve("plan.json");
    }

    /** Where the planner writes the rows. */
    Path planFolder() {
        return folder.resolve("plan");
    }

    /** A fresh, empty folder for shard {@code index}'s files while they are written. */
    Path freshShardFolder(int index) throws IOException {
        Path shard = folder.resolve("shard-" + ShardRecord.number(index));
        deleteTree(shard);
        return Files.createDirectories(shard);
    }

    Path shardRecordFile(int index) {
        return folder.resolve("shard-" + ShardRecord.number(index) + ".json");
    }

    /** Forgets the plan and every shard record (the data or the spec changed). */
    void clear() throws IOException {
        deleteTree(folder);
        Files.createDirectories(folder);
    }

    /** Forgets the records of shards {@code index} and later. */
    void forgetShardsFrom(int index) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.matches("shard-\\d{4,}\\.json")
                        && Integer.parseInt(name.substring(6, name.length() - 5)) >= index) {
                    Files.delete(entry);
                }
            }
        }
    }

    void saveShard(ShardRecord record) throws IOException {
        writeAtomically(shardRecordFile(record.index()), SurveyJson.toJson(record));
    }

    /** The record of a finished shard, or null when absent or unreadable. */
    ShardRecord readShard(int index) {
        Path file = shardRecordFile(index);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return SurveyJson.mapper().readValue(Files.readString(file), ShardRecord.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Deletes the dataset files of OUT not in {@code keep} (shards of a former, larger build). */
    void deleteOtherDatasetFiles(List<String> keep) throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (DATASET_FILE.matcher(name).matches() && !name.equals(NAME) && !keep.contains(name)) {
                    Files.delete(entry);
                }
            }
        }
    }

    /** Writes {@code text} as {@code OUT/name}: first in the work folder, then renamed into OUT. */
    FileChecksum publish(String name, String text) throws IOException {
        Path temporary = folder.resolve(name);
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        Files.write(temporary, content);
        FileChecksum checksum = FileChecksum.ofBytes(name, content);
        move(temporary, out.resolve(name));
        return checksum;
    }

    /** Deletes the work folder: the dataset is finished. */
    void delete() throws IOException {
        deleteTree(folder);
    }

    /** Moves {@code file} to {@code target}, replacing it, atomically where the file system can. */
    static void move(Path file, Path target) throws IOException {
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code text} (UTF-8) to a temporary sibling, then renames it to {@code file}. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        move(temporary, file);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
