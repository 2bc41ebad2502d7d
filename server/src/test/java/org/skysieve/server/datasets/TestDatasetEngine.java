package org.skysieve.server.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.build.DatasetBuilder;
import org.skysieve.datasets.plan.PlannedDataset;
import org.skysieve.datasets.spec.CutoutSpec;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.OutputSpec;
import org.skysieve.images.Plate;
import org.skysieve.images.PlateIndex;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.wcs.PixelPosition;

/**
 * The real {@link DatasetBuilder} (shards, cutouts, manifest, resume) behind a stand-in for the spec reader and the
 * planner, which are not in this build yet. The stand-in spec has one {@code key: value} per line: {@code name},
 * {@code shard_rows}, {@code objects} (how many sources of the wide survey's first plate, by id) or {@code upload} (a
 * CSV of {@code id,ra,dec} beside the spec), and {@code cutouts: SURVEY BAND,BAND SIZE}. Every problem is listed.
 *
 * <p>A {@link #hold() hold} stops builds after their first shard until released (or cancelled), so that tests can
 * abort or restart a build while it executes. Counts plans in {@link #plans}.
 */
final class TestDatasetEngine implements DatasetEngine {
    static final String SURVEY = "wide_infrared";
    private final Path root;
    private final Plate plate;
    final AtomicInteger plans = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    /** Counted down when a held build reaches the hold. */
    volatile CountDownLatch held = new CountDownLatch(1);

    TestDatasetEngine(Path root) throws java.io.IOException {
        this.root = root;
        this.plate = PlateIndex.open(root).plates(SURVEY, "W1").get(0);
    }

    /** Makes later builds wait after their first shard; returns the latch that releases them. */
    CountDownLatch hold() {
        held = new CountDownLatch(1);
        hold = new CountDownLatch(1);
        return hold;
    }

    @Override
    public DatasetSpec read(Path specFile) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String text;
        try {
            text = Files.readString(specFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int line = 0;
        for (String row : text.lines().toList()) {
            line++;
            int colon = row.indexOf(':');
            if (row.isBlank()) {
                continue;
            }
            String key = colon < 0 ? row.strip() : row.substring(0, colon).strip();
            if (colon < 0 || !List.of("name", "shard_rows", "objects", "upload", "cutouts").contains(key)) {
                problems.add("line " + line + ": Expected name, shard_rows, objects, upload or cutouts. Actual: '" + key
                        + "'");
                continue;
            }
            values.put(key, row.substring(colon + 1).strip());
        }
        if (!values.containsKey("name")) {
            problems.add("name: Expected a name. Actual: none");
        }
        int shardRows = 0;
        try {
            shardRows = Integer.parseInt(values.getOrDefault("shard_rows", "10"));
        } catch (NumberFormatException e) {
            problems.add("shard_rows: Expected a whole number. Actual: '" + values.get("shard_rows") + "'");
        }
        if (values.containsKey("upload") && !Files.isRegularFile(specFile.resolveSibling(values.get("upload")))) {
            problems.add("objects.upload: Expected a file beside the spec. Actual: no " + values.get("upload"));
        }
        Optional<CutoutSpec> cutouts = Optional.empty();
        if (values.containsKey("cutouts")) {
            String[] parts = values.get("cutouts").split(" ");
            List<String> bands = List.of(parts[1].split(","));
            for (String band : bands) {
                if (!List.of("W1", "W2").contains(band)) {
                    problems.add("cutouts.bands: Expected bands among [W1, W2]. Actual: '" + band + "'");
                }
            }
            cutouts = Optional.of(new CutoutSpec(parts[0], bands, Integer.parseInt(parts[2]), Optional.empty()));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Invalid dataset spec (" + problems.size()
                    + " problems):\n  " + String.join("\n  ", problems));
        }
        return new DatasetSpec(values.get("name"), text, cutouts, new OutputSpec(shardRows));
    }

    @Override
    public void build(DatasetSpec spec, Path outDirectory, BuildProgress progress, BooleanSupplier cancelled)
            throws Exception {
        CountDownLatch release = hold;
        BuildProgress holding = (stage, done, total) -> {
            progress.stage(stage, done, total);
            if (stage.equals("shards") && done == 1 && total > 1) {
                held.countDown();
                try {
                    while (!release.await(20, TimeUnit.MILLISECONDS) && !cancelled.getAsBoolean()) {
                        // held until released or cancelled
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Path specFolder = outDirectory.getParent().resolve(DatasetBuildWork.INPUT);
        new DatasetBuilder((planned, data, work, planProgress) -> plan(planned, specFolder, work))
                .build(spec, root, outDirectory, holding, cancelled, new org.skysieve.datasets.build.BuildTimes());
    }

    /** The sources of the first plate (the first {@code objects} by id) or the uploaded positions, split by cell. */
    private PlannedDataset plan(DatasetSpec spec, Path specFolder, Path workFolder)
            throws java.io.IOException, java.sql.SQLException {
        plans.incrementAndGet();
        Files.createDirectories(workFolder);
        Map<String, String> values = new LinkedHashMap<>();
        spec.text().lines().filter(line -> line.contains(":")).forEach(line -> values.put(
                line.substring(0, line.indexOf(':')).strip(), line.substring(line.indexOf(':') + 1).strip()));
        Path rows = workFolder.resolve("rows.parquet");
        String source = values.containsKey("upload")
                ? "read_csv(" + SqlText.literal(specFolder.resolve(values.get("upload")).toString()) + ")"
                : "read_parquet(" + SqlText.literal(root.resolve(SURVEY + "/sources/dataset") + "/**/*.parquet") + ")";
        long limit = values.containsKey("upload") ? Long.MAX_VALUE : Long.parseLong(values.getOrDefault("objects", "40"));
        Map<String, Long> perSplit = new LinkedHashMap<>(Map.of("train", 0L, "validation", 0L, "test", 0L));
        try (Connection connection = DuckDbConnections.openInMemory();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE chosen (object_id VARCHAR, ra DOUBLE, dec DOUBLE, split VARCHAR,"
                    + " split_cell BIGINT)");
            String id = values.containsKey("upload") ? "id" : "cntr";
            try (ResultSet candidates = statement.executeQuery("SELECT CAST(" + id + " AS VARCHAR), ra, dec FROM "
                    + source + " ORDER BY " + id);
                    DuckDBAppender appender = ((DuckDBConnection) connection).createAppender("main", "chosen")) {
                long taken = 0;
                while (candidates.next() && taken < limit) {
                    LonLat position = LonLat.ofDegrees(candidates.getDouble(2), candidates.getDouble(3));
                    Optional<PixelPosition> pixel = plate.wcs().worldToPixel(position);
                    if (!values.containsKey("upload") && (pixel.isEmpty() || pixel.get().x() < 20
                            || pixel.get().x() > plate.width() - 20 || pixel.get().y() < 20
                            || pixel.get().y() > plate.height() - 20)) {
                        continue;
                    }
                    long cell = HealpixNested.hash(10, position.lonRad(), position.latRad());
                    String split = List.of("train", "train", "validation", "test").get((int) (cell % 4));
                    perSplit.merge(split, 1L, Long::sum);
                    appender.beginRow();
                    appender.append(candidates.getString(1));
                    appender.append(candidates.getDouble(2));
                    appender.append(candidates.getDouble(3));
                    appender.append(split);
                    appender.append(cell);
                    appender.endRow();
                    taken++;
                }
            }
            statement.execute("COPY (SELECT * FROM chosen ORDER BY split_cell, object_id) TO "
                    + SqlText.literal(rows.toString()) + " (FORMAT parquet)");
        }
        List<ColumnDoc> columns = List.of(
                ColumnDoc.of("object_id", ColumnType.STRING, "", "meta.id;meta.main", "Source id."),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension, ICRS."),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination, ICRS."),
                ColumnDoc.of("split", ColumnType.STRING, "", "meta.dataset", "train, validation or test."),
                ColumnDoc.of("split_cell", ColumnType.LONG, "", "pos.healpix", "HEALPix NESTED cell of order 10."));
        long count = perSplit.values().stream().mapToLong(Long::longValue).sum();
        return new PlannedDataset(rows, count, columns, perSplit, Map.of(), Map.of(SURVEY, "tiny-42"));
    }
}
