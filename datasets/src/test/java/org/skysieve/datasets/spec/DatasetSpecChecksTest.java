package org.skysieve.datasets.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.datasets.TestSky;
import org.skysieve.query.QueryEngine;

/** Specs checked against a tiny synthetic sky: valid ones resolve, invalid ones list every problem with its place. */
class DatasetSpecChecksTest {
    @TempDir
    static Path temp;
    static Archive archive;
    static QueryEngine engine;

    @BeforeAll
    static void open() {
        archive = Archive.open(TestSky.path());
        engine = QueryEngine.open(archive);
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    static CheckedSpec check(String yaml) {
        return DatasetSpecChecks.check(DatasetSpecs.parse(yaml, "test.yaml", temp), archive, engine, "test.yaml");
    }

    static List<String> problems(String yaml) {
        InvalidDatasetSpecException e = catchThrowableOfType(InvalidDatasetSpecException.class, () -> check(yaml));
        assertThat(e).as("an invalid spec").isNotNull();
        assertThat(e.category()).isEqualTo(InvalidDatasetSpecException.Category.INVALID_SPEC);
        assertThat(e.getMessage()).contains(e.problems().size() + " problem");
        return e.problems().stream().map(SpecProblem::toString).toList();
    }

    @Test
    void aValidSpecResolvesItsTablesColumnsAndJoins() {
        CheckedSpec checked = check("""
                name: ok
                objects: {adql: "SELECT id, ra, dec FROM deep_optical.sources WHERE mag_r < 23"}
                features:
                  - {survey: deep_optical, columns: [mag_r], statuses: true}
                  - {survey: near_infrared}
                  - {survey: astrometric, columns: [parallax], neighbours: true}
                derived:
                  - {name: r2, expression: "deep_optical_mag_r * 2"}
                label: {expression: "CASE WHEN deep_optical_mag_r < 20 THEN 'bright' ELSE 'faint' END", balance: {equal: true}}
                """);
        assertThat(checked.ownTable().orElseThrow().qualifiedName()).isEqualTo("deep_optical.sources");
        assertThat(checked.features().get(0).join()).isInstanceOf(FeatureJoin.Automatic.class);
        assertThat(checked.features().get(0).output().stream().map(c -> c.name()).toList())
                .containsExactly("deep_optical_mag_r", "deep_optical_mag_r_status", "deep_optical_mag_r_limit");
        assertThat(checked.features().get(1).join()).isEqualTo(new FeatureJoin.CrossMatch(1.0));
        assertThat(checked.features().get(1).output().stream().map(c -> c.name()).toList()).containsExactly("near_infrared_zmag",
                "near_infrared_ymag", "near_infrared_jmag", "near_infrared_hmag", "near_infrared_ksmag", "near_infrared_separation_arcsec");
        assertThat(checked.features().get(2).neighbours().orElseThrow().table().name()).isEqualTo("best_neighbour_astrometric");
        assertThat(checked.derived().get(0).type()).isEqualTo(org.skysieve.catalog.model.ColumnType.DOUBLE);
        assertThat(checked.label().orElseThrow().type()).isEqualTo(org.skysieve.catalog.model.ColumnType.STRING);
        assertThat(checked.spec().split().order()).isEqualTo(DatasetSpecs.DEFAULT_SPLIT_ORDER);
        assertThat(checked.spec().output().shardRows()).isEqualTo(DatasetSpecs.DEFAULT_SHARD_ROWS);
    }

    @Test
    void everyProblemIsListedAtOnceWithItsPlace() {
        List<String> problems = problems("""
                name: "bad name!"
                objects:
                  adql: |
                    SELECT id, ra, dec
                    FROM deep_optical.sources WHERE mag_q < 23
                features:
                  - survey: nowhere
                  - survey: near_infrared
                    columns: [jmag, magx]
                  - survey: near_infrared
                    table: sauces
                derived:
                  - name: colour
                    expression: "deep_optical_mag_g -"
                  - name: "2bad"
                    expression: "1"
                split:
                  order: 40
                  fractions: {train: 0.9, validation: -0.1, test: 0.3}
                cutouts: {survey: astrometric, bands: [G], size: 4096}
                output: {shard_rows: 0}
                """);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("name: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("objects.adql: error at 2:").contains("mag_q"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("features[0].survey: unknown survey 'nowhere'; known: [astrometric, deep_optical"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("features[1].columns[1]: unknown column 'magx' in near_infrared.sources; known: [")
                .contains("jmag"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("features[2].table: unknown table 'sauces'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("derived[0].expression: error at 1:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("derived[1].name: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("split.order: Expected a HEALPix order in [0, 29]. Actual: 40"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("split.fractions.validation: Expected a fraction in [0, 1]. Actual: -0.1"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("split.fractions: Expected train + validation + test = 1."));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("cutouts.size: Expected a stamp side in [1, 512] pixels. Actual: 4096"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("cutouts.survey: Expected a survey with image plates."));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("output.shard_rows: Expected rows per shard in [1, 1000000]. Actual: 0"));
        assertThat(problems).hasSize(13);
    }

    @Test
    void expressionErrorsPointIntoTheExpression() {
        List<String> problems = problems("""
                name: x
                objects: {adql: "SELECT id, ra, dec FROM deep_optical.sources"}
                features: [{survey: deep_optical, columns: [mag_g]}]
                derived: [{name: y, expression: "deep_optical_mag_g + nothing_here"}]
                label: {column: no_such_column}
                """);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("derived[0].expression: error at 1:22: ").contains("nothing_here")
                .contains("deep_optical_mag_g"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("label.column: Expected a column of the dataset. Actual: 'no_such_column'"));
    }

    @Test
    void aQueryThatParsesButFailsItsChecksStillNamesItsOwnTable() {
        List<String> problems = problems("""
                name: x
                objects: {adql: "SELECT id, ra, dec FROM deep_optical.sources WHERE mag_q < 23"}
                features: [{survey: deep_optical, columns: [mag_g]}]
                derived: [{name: y, expression: "deep_optical_mag_x"}]
                """);
        assertThat(problems).containsExactly("objects.adql: error at 1:52: unknown column mag_q in [sources]",
                "derived[0].expression: error at 1:1: unknown column deep_optical_mag_x in [dataset]; columns: [deep_optical_mag_g]");
    }

    @Test
    void uploadsNeedTheirFileAndColumnsAndNeighboursAndTruthNeedASurvey() throws Exception {
        List<String> missing = problems("""
                name: x
                objects: {upload: nowhere.csv, id: id}
                """);
        assertThat(missing).singleElement().satisfies(p -> assertThat(p).startsWith("objects.upload: Expected a table file. Actual: ")
                .contains(temp.resolve("nowhere.csv").toString()));
        Files.writeString(temp.resolve("positions.csv"), "name,ra,dec\na,150.1,2.2\n");
        List<String> problems = problems("""
                name: x
                objects: {upload: positions.csv, id: id}
                features: [{survey: astrometric, neighbours: true}]
                label: {truth: class}
                """);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("objects.id: Expected a column 'id' in the upload. Actual columns: [name, ra, dec]"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("features[0].neighbours: Expected objects from an ADQL query"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("label.truth: Expected objects from an ADQL query"));
    }

    @Test
    void namesMayNotCollide() {
        List<String> problems = problems("""
                name: x
                objects: {adql: "SELECT id, ra, dec, mag_g AS deep_optical_mag_g FROM deep_optical.sources"}
                features: [{survey: deep_optical, columns: [mag_g]}]
                derived: [{name: split, expression: "1"}]
                """);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("features[0]: Expected column names unique in the dataset. Actual: 'deep_optical_mag_g'"
                + " is also made by objects"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("derived[0]: Expected column names unique in the dataset. Actual: 'split'"));
    }

    @Test
    void theShapeIsCheckedWithoutTheArchive() {
        InvalidDatasetSpecException e = catchThrowableOfType(InvalidDatasetSpecException.class, () -> DatasetSpecs.parse("""
                objects: {adql: "SELECT 1", upload: x.csv}
                featurs: []
                features:
                  - {survey: deep_optical, colums: [mag_g], match: {radius: 1}}
                label: {column: a, truth: class}
                split: {fractions: {train: high}}
                cutouts: {survey: deep_optical, bands: [r], size: 32, grid: fine}
                """, "shape.yaml", temp));
        assertThat(e.problems().stream().map(SpecProblem::toString).toList()).containsExactlyInAnyOrder(
                "featurs: unknown key; known: cutouts, derived, features, label, name, objects, output, split",
                "name: missing; expected the dataset's name",
                "objects: Expected exactly one of adql (a query) or upload (a file). Actual: both",
                "features[0].colums: unknown key; known: columns, match, neighbours, statuses, survey, table",
                "features[0].match.radius: Expected the radius with a unit (deg, arcmin, arcsec, mas), e.g. 1arcsec. Actual: 1 (no unit)",
                "label: Expected exactly one of column, expression or truth. Actual: column, truth",
                "split.fractions.train: Expected a number. Actual: 'high'",
                "cutouts.grid: Expected native or {scale: ARCSEC}. Actual: 'fine'");
        assertThat(e.getMessage()).startsWith("Invalid dataset spec shape.yaml (8 problems):\n  featurs: unknown key");
        assertThatThrownBy(() -> DatasetSpecs.parse("name: [unclosed", "broken.yaml", temp)).isInstanceOf(InvalidDatasetSpecException.class)
                .hasMessageContaining("line 1:");
    }

    @Test
    void jsonIsReadAsWellAndRelativeFilesResolveAgainstTheSpecsFolder() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("specs"));
        Path spec = folder.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "j", "objects": {"upload": "data/positions.parquet", "id": "source"},
                 "split": {"order": 9, "fractions": {"train": 0.5, "validation": 0.25, "test": 0.25}, "seed": 3},
                 "cutouts": {"survey": "deep_optical", "bands": ["g", "r"], "size": 64, "grid": {"scale": "0.3arcsec"}},
                 "output": {"shard_rows": 500}}
                """);
        DatasetSpec read = DatasetSpecs.read(spec);
        assertThat(read.objects()).isEqualTo(new ObjectsSpec.Upload(folder.resolve("data/positions.parquet"), "source", "ra", "dec"));
        assertThat(read.split()).isEqualTo(new SplitSpec(9, java.util.Map.of("train", 0.5, "validation", 0.25, "test", 0.25), 3));
        assertThat(read.cutouts()).contains(new CutoutSpec("deep_optical", List.of("g", "r"), 64, java.util.Optional.of(0.3)));
        assertThat(read.output().shardRows()).isEqualTo(500);
        assertThat(read.text()).isEqualTo(Files.readString(spec));
    }
}
