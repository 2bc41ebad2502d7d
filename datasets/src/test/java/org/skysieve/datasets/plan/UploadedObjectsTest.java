package org.skysieve.datasets.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.datasets.TestSky;
import org.skysieve.datasets.build.BuildProgress;
import org.skysieve.datasets.spec.DatasetSpecs;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MatchInputs;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.StatusMatch;
import org.skysieve.xmatch.SurveyStatusFill;
import org.skysieve.xmatch.TableFiles;
import org.skysieve.xmatch.TableReader;

/**
 * Uploaded objects (the true sources of the tiny sky, with a user label column): features from a second survey equal
 * what {@code skysieve xmatch --status} gives for the same positions, balancing samples classes as asked, a label
 * taken from an uploaded column is not kept as a feature.
 */
class UploadedObjectsTest {
    @TempDir
    static Path temp;
    static Path sky;
    static Path upload;

    @BeforeAll
    static void writeTheUpload() {
        sky = TestSky.path();
        upload = temp.resolve("true_sources.csv");
        String sources = SqlText.literal(sky.resolve("truth/sources.parquet").toString());
        TableFiles.write(TableReader.readSql("truth", "SELECT 'T' || true_id AS name, ra, dec, class AS kind FROM read_parquet(" + sources
                + ") ORDER BY true_id"), upload);
    }

    static LoadedTable plan(String spec, String work) {
        PlannedDataset planned = DatasetPlanner.plan(DatasetSpecs.parse(spec, work, temp), sky, temp.resolve(work), BuildProgress.none());
        LoadedTable rows = TableReader.read(planned.rows());
        assertThat(rows.rowCount()).isEqualTo((int) planned.rowCount());
        return rows;
    }

    @Test
    void crossMatchedFeaturesEqualWhatXmatchStatusGives() throws Exception {
        LoadedTable rows = plan("""
                name: upload
                objects: {upload: true_sources.csv, id: name}
                features:
                  - {survey: near_infrared, columns: [sourceid, jmag, ksmag], match: {radius: 1.5arcsec}, statuses: true}
                label: {column: kind}
                split: {order: 10, seed: 1}
                """, "xmatch");
        assertThat(rows.columns().stream().map(Column::name).toList()).containsExactly("object_id", "ra", "dec", "split", "split_cell", "label",
                "near_infrared_sourceid", "near_infrared_jmag", "near_infrared_jmag_status", "near_infrared_jmag_limit", "near_infrared_ksmag",
                "near_infrared_ksmag_status", "near_infrared_ksmag_limit", "near_infrared_separation_arcsec");
        // what `skysieve xmatch true_sources.csv survey:near_infrared --radius 1.5arcsec --status` writes
        Path out = temp.resolve("xmatch-status.csv");
        MatchInputs.ResolvedSide left = MatchInputs.resolve(upload.toString(), Optional.of(sky), Optional.empty());
        MatchInputs.ResolvedSide right = MatchInputs.resolve("survey:near_infrared", Optional.of(sky), Optional.empty());
        SurveyStatusFill fill = SurveyStatusFill.of(Archive.open(sky), "near_infrared");
        StatusMatch.run(left.rows(), left.positions(), List.of("name", "kind"), right.rows(), right.positions(), List.of("sourceid", "jmag", "ksmag"),
                "near_infrared", fill, MatchSpec.of(MatchMode.BEST, 1.5), out);
        ((AutoCloseable) right.rows()).close();
        LoadedTable expected = TableReader.read(out);
        assertThat(rows.rowCount()).isEqualTo(expected.rowCount());
        Map<String, Integer> rowOf = new HashMap<>();
        Column ids = rows.require("object_id", "id");
        for (int i = 0; i < rows.rowCount(); i++) {
            rowOf.put(ids.text(i), i);
        }
        int matched = 0;
        Column names = expected.require("name", "name");
        for (int e = 0; e < expected.rowCount(); e++) {
            int i = rowOf.get(names.text(e));
            assertThat(rows.require("label", "label").text(i)).isEqualTo(expected.require("kind", "kind").text(e));
            for (String column : List.of("sourceid", "jmag", "jmag_status", "jmag_limit", "ksmag", "ksmag_status", "ksmag_limit", "separation_arcsec")) {
                Column given = rows.require("near_infrared_" + column, "given");
                Column wanted = expected.require("near_infrared_" + column, "expected");
                if (given instanceof Column.TextColumn || wanted instanceof Column.TextColumn) {
                    assertThat(blankAsNull(given.text(i))).as("%s of %s", column, names.text(e)).isEqualTo(blankAsNull(wanted.text(e)));
                } else {
                    assertThat(given.doubleValue(i)).as("%s of %s", column, names.text(e)).isCloseTo(wanted.doubleValue(e),
                            org.assertj.core.data.Offset.offset(1e-5));
                }
            }
            matched += Double.isNaN(expected.require("near_infrared_separation_arcsec", "sep").doubleValue(e)) ? 0 : 1;
        }
        assertThat(matched).isGreaterThan(100).isLessThan(expected.rowCount());
    }

    private static String blankAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    @Test
    void balancingKeepsAsManyRowsPerClassAsAsked() {
        LoadedTable perClass = plan("""
                name: balanced
                objects: {upload: true_sources.csv, id: name}
                label: {column: kind, balance: {per_class: 40}}
                """, "per-class");
        Map<String, Integer> all = counts(TableReader.read(upload).select(List.of("kind")).columns().get(0).renamed("label"));
        assertThat(counts(perClass)).containsOnlyKeys("star", "galaxy", "quasar")
                .allSatisfy((kind, count) -> assertThat(count).isEqualTo(Math.min(40, all.get(kind))));
        LoadedTable equal = plan("""
                name: equal
                objects: {upload: true_sources.csv, id: name}
                label: {column: kind, balance: {equal: true}}
                """, "equal");
        int rarest = all.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(counts(equal)).containsOnlyKeys(all.keySet()).allSatisfy((kind, count) -> assertThat(count).isEqualTo(rarest));
        assertThat(equal.columns().stream().map(Column::name).toList()).containsExactly("object_id", "ra", "dec", "split", "split_cell", "label");
    }

    private static Map<String, Integer> counts(LoadedTable rows) {
        return counts(rows.require("label", "label"));
    }

    private static Map<String, Integer> counts(Column labels) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            counts.merge(labels.text(i), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void aFitsUploadAndAJsonSpecGiveTheSameRowsAsTheCsv() throws Exception {
        Path fits = temp.resolve("true_sources.fits");
        TableFiles.write(TableReader.read(upload), fits);
        Files.writeString(temp.resolve("fits.json"), """
                {"name": "fits", "objects": {"upload": "true_sources.fits", "id": "name"}, "split": {"order": 10, "seed": 1}}
                """);
        PlannedDataset fromFits = DatasetPlanner.plan(DatasetSpecs.read(temp.resolve("fits.json")), sky, temp.resolve("fits"), BuildProgress.none());
        PlannedDataset fromCsv = DatasetPlanner.plan(DatasetSpecs.parse("""
                {"name": "fits", "objects": {"upload": "true_sources.csv", "id": "name"}, "split": {"order": 10, "seed": 1}}
                """, "csv", temp), sky, temp.resolve("csv"), BuildProgress.none());
        LoadedTable a = TableReader.read(fromFits.rows());
        LoadedTable b = TableReader.read(fromCsv.rows());
        assertThat(a.rowCount()).isEqualTo(b.rowCount()).isPositive();
        for (String column : List.of("object_id", "ra", "dec", "split", "split_cell", "kind")) {
            for (int i = 0; i < a.rowCount(); i++) {
                assertThat(a.require(column, "a").text(i)).isEqualTo(b.require(column, "b").text(i));
            }
        }
    }

    @Test
    void aListOfIdsTakesTheSurveysPositionsRowsNeighboursAndTruth() throws Exception {
        String catalogue = "read_parquet(" + SqlText.literal(sky.resolve("deep_optical/sources/dataset").toString() + "/**/*.parquet") + ")";
        LoadedTable chosen = TableReader.readSql("ids", "SELECT id AS source, ra, dec, mag_r, 'note ' || id AS note FROM " + catalogue
                + " WHERE mag_r < 23 ORDER BY id LIMIT 300");
        TableFiles.write(chosen.select(List.of("source", "note")), temp.resolve("ids.csv"));
        String spec = """
                name: ids
                objects: {upload: ids.csv, id: source, survey: deep_optical}
                features:
                  - {survey: deep_optical, columns: [mag_r]}
                  - {survey: astrometric, columns: [parallax], neighbours: true}
                label: {truth: class}
                split: {order: 10}
                """;
        LoadedTable rows = plan(spec, "ids");
        assertThat(rows.columns().stream().map(Column::name).toList()).containsExactly("object_id", "ra", "dec", "split", "split_cell", "label", "note",
                "deep_optical_mag_r", "astrometric_parallax", "astrometric_separation_arcsec");
        assertThat(rows.rowCount()).isEqualTo(300);
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.rowCount(); i++) {
            rowOf.put(rows.require("object_id", "id").text(i), i);
        }
        for (int e = 0; e < chosen.rowCount(); e++) {
            int i = rowOf.get(chosen.require("source", "id").text(e));
            for (String column : List.of("ra", "dec")) {
                assertThat(rows.require(column, "given").doubleValue(i)).isEqualTo(chosen.require(column, "expected").doubleValue(e));
            }
            assertThat((float) rows.require("deep_optical_mag_r", "given").doubleValue(i)).isEqualTo((float) chosen.require("mag_r", "e").doubleValue(e));
            assertThat(rows.require("note", "note").text(i)).isEqualTo(chosen.require("note", "note").text(e));
            assertThat(rows.require("label", "label").text(i)).isIn("star", "galaxy", "quasar", null);
        }
        long withNeighbour = java.util.stream.IntStream.range(0, rows.rowCount())
                .filter(i -> !Double.isNaN(rows.require("astrometric_separation_arcsec", "s").doubleValue(i))).count();
        assertThat(withNeighbour).isPositive();
        Files.writeString(temp.resolve("ids.csv"), "source,note\n1,x\n-5,y\n", java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> plan(spec, "missing-ids")).isInstanceOf(org.skysieve.datasets.spec.InvalidDatasetSpecException.class)
                .hasMessageContaining("objects.id: Expected ids of deep_optical.sources. Actual: ").hasMessageContaining("'-5'");
    }
}
