package org.skysieve.datasets.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.datasets.plan.PlannedDataset;
import org.skysieve.datasets.spec.DatasetSpec;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.images.Plate;
import org.skysieve.images.PlateIndex;
import org.skysieve.images.SyntheticImages;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.healpix.HealpixNested;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/**
 * The tiny synthetic sky with the first deep_optical tile's plates (u g r i), made once per test JVM, and a stand-in
 * planner that plans, as the real one does, the deep_optical sources on that tile: the five fixed columns, a label
 * from {@code class_star}, then g, r, i magnitudes with their status and limit, split by HEALPix cell of order 12.
 */
final class TinySky {
    static final long SEED = 42;
    static final int SPLIT_ORDER = 12;
    static final List<String> BANDS = List.of("g", "r", "i");
    private static TinySky instance;
    final Path root;
    final Plate plate;

    private TinySky() throws IOException {
        root = Files.createTempDirectory("skysieve-datasets");
        SkyGenerator.generate(root, SEED, SkyScale.TINY, message -> { });
        SyntheticImages.write(root, new SyntheticImages.Options(List.of("deep_optical"), 1, SEED));
        plate = PlateIndex.open(root).plates("deep_optical", "r").get(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                WorkFolder.deleteTree(root);
            } catch (IOException e) {
                // best effort at exit
            }
        }));
    }

    static synchronized TinySky get() {
        if (instance == null) {
            try {
                instance = new TinySky();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** A spec with 33 x 33 native g, r, i cutouts (or none) in shards of {@code shardRows} (read, not checked). */
    static DatasetSpec spec(int shardRows, boolean cutouts) {
        String text = "name: tiny_stars_and_galaxies\n"
                + "objects: {adql: \"SELECT id, ra, dec FROM deep_optical.sources\"}\n"
                + (cutouts ? "cutouts: {survey: deep_optical, bands: [g, r, i], size: 33}\n" : "")
                + "output: {shard_rows: " + shardRows + "}\n";
        return DatasetSpecs.parse(text, "test spec", Path.of("."));
    }

    private DatasetManifest built;

    /**
     * The dataset of {@code spec(10, true)} built by the stand-in planner once per test JVM (in the sky's folder),
     * for tests that only read it.
     */
    synchronized DatasetManifest built() throws IOException, SQLException {
        if (built == null) {
            built = new DatasetBuilder(planner(new AtomicInteger())).build(spec(10, true), root,
                    root.resolve("built-dataset"), BuildProgress.none(), () -> false, new BuildTimes());
        }
        return built;
    }

    /** The stand-in planner; counts its calls in {@code calls}. */
    DatasetBuilder.Planner planner(AtomicInteger calls) {
        return (spec, dataDirectory, workFolder, progress) -> {
            calls.incrementAndGet();
            return plan(workFolder);
        };
    }

    private PlannedDataset plan(Path workFolder) throws IOException, SQLException {
        Files.createDirectories(workFolder);
        Path rows = workFolder.resolve("rows.parquet");
        CatalogTable sources = SurveyJson.read(root.resolve("deep_optical/survey.json")).table("sources").orElseThrow();
        List<ColumnDoc> columns = new ArrayList<>(List.of(
                ColumnDoc.of("object_id", ColumnType.STRING, "", "meta.id;meta.main", "deep_optical source id."),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension, ICRS."),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination, ICRS."),
                ColumnDoc.of("split", ColumnType.STRING, "", "meta.dataset", "train, validation or test."),
                ColumnDoc.of("split_cell", ColumnType.LONG, "", "pos.healpix", "HEALPix NESTED cell of order 12."),
                ColumnDoc.of("label", ColumnType.STRING, "", "src.class", "star when class_star > 0.5, else galaxy.")));
        StringBuilder select = new StringBuilder("SELECT CAST(s.id AS VARCHAR) AS object_id, s.ra, s.dec, c.split,"
                + " c.split_cell, CASE WHEN s.class_star > 0.5 THEN 'star' ELSE 'galaxy' END AS label");
        List<String> statusColumns = new ArrayList<>();
        for (String band : BANDS) {
            for (String name : List.of("mag_" + band, "mag_" + band + "_status", "mag_" + band + "_limit")) {
                columns.add(sources.column(name).orElseThrow());
                select.append(", s.").append(SqlText.identifier(name));
            }
            statusColumns.add("mag_" + band + "_status");
        }
        String catalogue = root.resolve("deep_optical/sources/dataset").toString() + "/**/*.parquet";
        Map<String, Map<String, Long>> statusCounts = new TreeMap<>();
        Map<String, Long> perSplit = new LinkedHashMap<>(Map.of("train", 0L, "validation", 0L, "test", 0L));
        long count;
        try (Connection connection = DuckDbConnections.openInMemory();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE chosen (id BIGINT, split VARCHAR, split_cell BIGINT)");
            try (ResultSet candidates = statement.executeQuery("SELECT id, ra, dec FROM read_parquet("
                    + SqlText.literal(catalogue) + ") ORDER BY id");
                    DuckDBAppender appender = ((DuckDBConnection) connection).createAppender("main", "chosen")) {
                while (candidates.next()) {
                    LonLat position = LonLat.ofDegrees(candidates.getDouble(2), candidates.getDouble(3));
                    Optional<PixelPosition> pixel = plate.wcs().worldToPixel(position);
                    if (pixel.isEmpty() || pixel.get().x() < -5 || pixel.get().x() > plate.width() + 5
                            || pixel.get().y() < -5 || pixel.get().y() > plate.height() + 5) {
                        continue;
                    }
                    long cell = HealpixNested.hash(SPLIT_ORDER, position.lonRad(), position.latRad());
                    long mixed = (cell * 0x9E3779B97F4A7C15L) >>> 40;
                    String split = mixed % 10 < 7 ? "train" : mixed % 10 < 9 ? "validation" : "test";
                    appender.beginRow();
                    appender.append(candidates.getLong(1));
                    appender.append(split);
                    appender.append(cell);
                    appender.endRow();
                }
            }
            statement.execute("COPY (" + select + " FROM read_parquet(" + SqlText.literal(catalogue)
                    + ") s JOIN chosen c ON s.id = c.id ORDER BY c.split_cell, s.id) TO "
                    + SqlText.literal(rows.toString()) + " (FORMAT parquet)");
            try (ResultSet result = statement.executeQuery("SELECT split, count(*) FROM chosen GROUP BY split")) {
                while (result.next()) {
                    perSplit.put(result.getString(1), result.getLong(2));
                }
            }
            count = perSplit.values().stream().mapToLong(Long::longValue).sum();
            for (String column : statusColumns) {
                try (ResultSet result = statement.executeQuery("SELECT " + column + ", count(*) FROM read_parquet("
                        + SqlText.literal(rows.toString()) + ") GROUP BY 1")) {
                    Map<String, Long> counts = new TreeMap<>();
                    while (result.next()) {
                        counts.put(result.getString(1), result.getLong(2));
                    }
                    statusCounts.put(column, counts);
                }
            }
        }
        return new PlannedDataset(rows, count, columns, perSplit, statusCounts, Map.of("deep_optical", "tiny-42"));
    }
}
