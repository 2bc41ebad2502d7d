package org.skysieve.datasets.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.datasets.TestSky;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.datasets.spec.SplitSpec;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.TableReader;

/**
 * A star/galaxy/quasar dataset planned on a tiny synthetic sky and checked against the truth the generator wrote and
 * against independent computations: labels, counts, the split, statuses, derived columns, determinism.
 */
class DatasetPlannerTest {
    static final String SPEC = """
            name: sgq
            objects:
              adql: SELECT id, ra, dec, class_star FROM deep_optical.sources WHERE mag_r < 24.5
            features:
              - survey: deep_optical
                columns: [mag_g, mag_r, mag_i, flags]
                statuses: true
              - survey: near_infrared
                columns: [jmag, ksmag]
                match: {radius: 1arcsec}
                statuses: true
              - survey: astrometric
                columns: [parallax, pmra]
                neighbours: true
            derived:
              - name: g_minus_r
                expression: deep_optical_mag_g - deep_optical_mag_r
              - name: bright
                expression: CASE WHEN deep_optical_mag_r < 22 THEN 1 ELSE 0 END
            label:
              truth: class
            split:
              order: 11
              fractions: {train: 0.6, validation: 0.2, test: 0.2}
              seed: 5
            """;

    @TempDir
    static Path temp;
    static Path sky;
    static PlannedDataset planned;
    static LoadedTable rows;

    @BeforeAll
    static void plan() {
        sky = TestSky.path();
        planned = DatasetPlanner.plan(DatasetSpecs.parse(SPEC, "sgq", temp), sky, temp.resolve("work"), BuildProgress.none());
        rows = TableReader.read(planned.rows());
    }

    static String[] texts(String column) {
        Column values = rows.require(column, "test");
        String[] texts = new String[values.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = values.text(i);
        }
        return texts;
    }

    static List<List<String>> sql(String query) {
        try (java.sql.Connection connection = org.skysieve.catalog.duckdb.DuckDbConnections.openInMemory();
                java.sql.Statement statement = connection.createStatement(); java.sql.ResultSet result = statement.executeQuery(query)) {
            List<List<String>> out = new java.util.ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new java.util.ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getString(c));
                }
                out.add(row);
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String catalogue(String survey, String table) {
        return "read_parquet(" + SqlText.literal(sky.resolve(survey).resolve(table).resolve("dataset").toString() + "/**/*.parquet") + ")";
    }

    @Test
    void theFileHoldsTheDocumentedColumnsInOrder() {
        List<String> names = rows.columns().stream().map(Column::name).toList();
        assertThat(names).isEqualTo(planned.columns().stream().map(c -> c.name()).toList());
        assertThat(names).startsWith("object_id", "ra", "dec", "split", "split_cell", "label", "class_star", "deep_optical_mag_g",
                "deep_optical_mag_g_status", "deep_optical_mag_g_limit", "deep_optical_mag_r");
        assertThat(names).containsSubsequence("near_infrared_jmag", "near_infrared_jmag_status", "near_infrared_jmag_limit", "near_infrared_ksmag",
                "near_infrared_ksmag_status", "near_infrared_ksmag_limit", "near_infrared_separation_arcsec", "astrometric_parallax",
                "astrometric_pmra", "astrometric_separation_arcsec", "g_minus_r", "bright");
        assertThat(planned.columns().get(names.indexOf("deep_optical_mag_g")).unit()).isEqualTo("mag");
        assertThat(planned.columns().get(names.indexOf("astrometric_parallax")).unit()).isEqualTo("mas");
        assertThat(planned.surveyVersions()).containsOnlyKeys("deep_optical", "near_infrared", "astrometric");
    }

    @Test
    void everySelectedCatalogueRowIsThereOnceWithItsOwnValues() {
        List<List<String>> expected = sql("SELECT CAST(id AS VARCHAR), mag_r, flags FROM " + catalogue("deep_optical", "sources")
                + " WHERE mag_r < 24.5 ORDER BY 1");
        assertThat(planned.rowCount()).isEqualTo(expected.size()).isEqualTo(rows.rowCount());
        Map<String, Integer> rowOf = new HashMap<>();
        String[] ids = texts("object_id");
        for (int i = 0; i < ids.length; i++) {
            assertThat(rowOf.put(ids[i], i)).as("object %s once", ids[i]).isNull();
        }
        Column magR = rows.require("deep_optical_mag_r", "test");
        Column flags = rows.require("deep_optical_flags", "test");
        for (List<String> row : expected) {
            int i = rowOf.get(row.get(0));
            assertThat((float) magR.doubleValue(i)).isEqualTo(Float.parseFloat(row.get(1)));
            assertThat(flags.text(i)).isEqualTo(row.get(2));
        }
        assertThat(planned.rowsPerSplit().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(planned.rowCount());
    }

    @Test
    void labelsAreTheTrueClassOfThePrimarySourceOfEachRow() {
        String observations = SqlText.literal(sky.resolve("truth/observations.parquet").toString());
        String sources = SqlText.literal(sky.resolve("truth/sources.parquet").toString());
        Map<String, Set<String>> primaryClasses = new HashMap<>();
        for (List<String> row : sql("SELECT DISTINCT CAST(o.source_id AS VARCHAR), s.class FROM read_parquet(" + observations + ") o JOIN read_parquet("
                + sources + ") s USING (true_id) WHERE o.survey = 'deep_optical' AND o.is_primary AND o.source_id IS NOT NULL")) {
            primaryClasses.computeIfAbsent(row.get(0), id -> new HashSet<>()).add(row.get(1));
        }
        String[] ids = texts("object_id");
        String[] labels = texts("label");
        Map<String, Integer> perClass = new HashMap<>();
        int spurious = 0;
        for (int i = 0; i < ids.length; i++) {
            Set<String> truth = primaryClasses.get(ids[i]);
            if (truth == null) {
                spurious++;
                continue;
            }
            assertThat(truth).as("object %s", ids[i]).hasSize(1).contains(labels[i]);
            perClass.merge(labels[i], 1, Integer::sum);
        }
        assertThat(perClass).containsOnlyKeys("star", "galaxy", "quasar");
        assertThat(spurious).isLessThan(ids.length / 20);
    }

    @Test
    void noSkyCellFallsInTwoSplitsAndEachCellGoesWhereItsHashSays() {
        SplitSpec split = new SplitSpec(11, Map.of("train", 0.6, "validation", 0.2, "test", 0.2), 5);
        Map<Long, String> splitOfCell = new HashMap<>();
        String[] splits = texts("split");
        long[] cells = ((Column.LongColumn) rows.require("split_cell", "test")).values();
        double[] ra = LoadedTable.doubles(rows.require("ra", "test"));
        double[] dec = LoadedTable.doubles(rows.require("dec", "test"));
        for (int i = 0; i < cells.length; i++) {
            String previous = splitOfCell.putIfAbsent(cells[i], splits[i]);
            assertThat(previous == null || previous.equals(splits[i])).as("cell %d in %s and %s", cells[i], previous, splits[i]).isTrue();
            long expectedCell = org.skysieve.sky.healpix.HealpixNested.hash(11, Math.toRadians(ra[i]), Math.toRadians(dec[i]));
            assertThat(cells[i]).isEqualTo(expectedCell);
            assertThat(splits[i]).isEqualTo(SplitAssignment.splitOf(split, cells[i]));
        }
        assertThat(splitOfCell.size()).isGreaterThan(30);
        assertThat(planned.rowsPerSplit()).containsOnlyKeys("train", "validation", "test");
        planned.rowsPerSplit().values().forEach(count -> assertThat(count).isPositive());
        // rows come by split, then by the seeded hash of the id
        List<String> order = List.of(splits);
        int lastTrain = order.lastIndexOf("train");
        int firstValidation = order.indexOf("validation");
        int lastValidation = order.lastIndexOf("validation");
        assertThat(lastTrain).isLessThan(firstValidation);
        assertThat(lastValidation).isLessThan(order.indexOf("test"));
    }

    @Test
    void ownAndCrossMatchedStatusesAgreeWithTheTruth() {
        String observations = SqlText.literal(sky.resolve("truth/observations.parquet").toString());
        // for each deep_optical row: the truth status of its primary true source in each band of each survey
        Map<String, String> truth = new HashMap<>();
        for (List<String> row : sql("SELECT CAST(d.source_id AS VARCHAR), o.survey, o.band, o.status FROM read_parquet(" + observations + ") d"
                + " JOIN read_parquet(" + observations + ") o USING (true_id) WHERE d.survey = 'deep_optical' AND d.is_primary"
                + " AND d.band = 'r' AND o.survey IN ('deep_optical', 'near_infrared')")) {
            truth.put(row.get(0) + "/" + row.get(1) + "/" + row.get(2), row.get(3));
        }
        String[] ids = texts("object_id");
        Map<String, int[]> agreement = new HashMap<>();
        for (String[] column : List.of(new String[] {"deep_optical", "g", "deep_optical_mag_g_status"},
                new String[] {"deep_optical", "i", "deep_optical_mag_i_status"}, new String[] {"near_infrared", "J", "near_infrared_jmag_status"},
                new String[] {"near_infrared", "Ks", "near_infrared_ksmag_status"})) {
            String[] given = texts(column[2]);
            for (int i = 0; i < ids.length; i++) {
                String expected = truth.get(ids[i] + "/" + column[0] + "/" + column[1]);
                if (expected == null) {
                    continue;
                }
                MissingStatus.fromWord(given[i]);
                int[] count = agreement.computeIfAbsent(column[0] + " " + expected, key -> new int[2]);
                count[0] += expected.equals(given[i]) ? 1 : 0;
                count[1]++;
            }
        }
        System.out.println("dataset statuses against the truth (agreeing/all): " + agreement.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).sorted().toList());
        assertThat(agreement).containsKeys("deep_optical detected", "deep_optical undetected", "near_infrared detected",
                "near_infrared undetected", "near_infrared unobserved");
        agreement.forEach((key, count) -> {
            double threshold = key.startsWith("deep_optical") ? 0.99 : 0.95;
            assertThat((double) count[0] / count[1]).as("%s: %d of %d", key, count[0], count[1]).isGreaterThanOrEqualTo(threshold);
        });
        assertThat(planned.statusCounts()).containsKeys("deep_optical_mag_g_status", "near_infrared_jmag_status");
        assertThat(planned.statusCounts().get("near_infrared_jmag_status").values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(planned.rowCount());
    }

    @Test
    void derivedColumnsAreComputedFromTheFeatures() {
        Column g = rows.require("deep_optical_mag_g", "test");
        Column r = rows.require("deep_optical_mag_r", "test");
        Column colour = rows.require("g_minus_r", "test");
        Column bright = rows.require("bright", "test");
        int both = 0;
        for (int i = 0; i < rows.rowCount(); i++) {
            if (Double.isNaN(g.doubleValue(i)) || Double.isNaN(r.doubleValue(i))) {
                assertThat(colour.doubleValue(i)).isNaN();
            } else {
                assertThat(colour.doubleValue(i)).isCloseTo((float) g.doubleValue(i) - (float) r.doubleValue(i), org.assertj.core.data.Offset.offset(1e-4));
                both++;
            }
            assertThat(bright.doubleValue(i)).isEqualTo(r.doubleValue(i) < 22 ? 1.0 : 0.0);
        }
        assertThat(both).isGreaterThan(rows.rowCount() / 2);
    }

    @Test
    void theSameSpecOnTheSameDataGivesTheSameBytes() throws Exception {
        PlannedDataset again = DatasetPlanner.plan(DatasetSpecs.parse(SPEC, "sgq", temp), sky, temp.resolve("again"), BuildProgress.none());
        assertThat(Files.mismatch(again.rows(), planned.rows())).isEqualTo(-1L);
        assertThat(again.rowsPerSplit()).isEqualTo(planned.rowsPerSplit());
        assertThat(again.statusCounts()).isEqualTo(planned.statusCounts());
    }

    @Test
    void aQueryWithoutRowsGivesAnEmptyDatasetWithEveryColumn() {
        PlannedDataset empty = DatasetPlanner.plan(DatasetSpecs.parse(SPEC.replace("mag_r < 24.5", "mag_r < 0"), "empty", temp), sky,
                temp.resolve("empty"), BuildProgress.none());
        assertThat(empty.rowCount()).isZero();
        assertThat(empty.columns()).isEqualTo(planned.columns());
        assertThat(empty.rowsPerSplit()).containsOnly(Map.entry("train", 0L), Map.entry("validation", 0L), Map.entry("test", 0L));
        assertThat(TableReader.read(empty.rows()).columns().stream().map(Column::name).toList())
                .isEqualTo(planned.columns().stream().map(c -> c.name()).toList());
    }
}
