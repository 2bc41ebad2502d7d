package org.skysieve.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.model.ColumnType;

/** Descriptor parsing: what a good one gives, and where every mistake is reported (key path and line). */
class SurveyDescriptorsTest {
    private static final String GOOD = """
            name: demo
            title: Demo survey
            epoch: 2016.0
            bands:
              - {name: r, wavelength_micron: 0.62, pixel_scale_arcsec: 0.2, depth_mag: 24.5}
            footprint:
              coverage: {r: cov_r.fits}
            tables:
              - name: objects
                files: ["part-*.csv"]
                bad_rows: flag
                columns:
                  id: {type: long}
                  ra: {type: double, unit: deg, from: RA_RAD, from_unit: rad}
                  dec: {type: double, unit: deg, from: DEC_RAD, from_unit: rad}
                  mag_r: {type: float, unit: mag, band: r}
                  flags_r:
                    type: int
                    band: r
                    flags:
                      - {bit: 0, name: SATURATED, description: Saturated pixels.}
                      - {bit: 3, name: BLENDED, description: Blended with a neighbour.}
            """;

    @TempDir
    Path temp;

    private Path write(String name, String text) throws IOException {
        Files.writeString(temp.resolve("part-1.csv"), "id,RA_RAD,DEC_RAD,mag_r,flags_r\n");
        Files.writeString(temp.resolve("part-2.csv"), "id,RA_RAD,DEC_RAD,mag_r,flags_r\n");
        Files.writeString(temp.resolve("cov_r.fits"), "");
        return Files.writeString(temp.resolve(name), text);
    }

    private IngestException failure(String yaml) throws IOException {
        Path file = write("survey.yaml", yaml);
        return catchThrowableOfType(() -> SurveyDescriptors.read(file), IngestException.class);
    }

    @Test
    void aGoodDescriptorGivesTheSurveyAndItsTables() throws IOException {
        SurveyDescriptor descriptor = SurveyDescriptors.read(write("survey.yaml", GOOD));

        assertThat(descriptor.name()).isEqualTo("demo");
        assertThat(descriptor.epochYear()).isEqualTo(2016.0);
        assertThat(descriptor.bands()).singleElement().satisfies(band -> {
            assertThat(band.pixelScaleArcsec()).isEqualTo(0.2);
            assertThat(band.magnitudeSystem()).isEqualTo("AB");
        });
        TableDescriptor table = descriptor.tables().get(0);
        assertThat(table.files()).extracting(p -> p.getFileName().toString()).containsExactly("part-1.csv", "part-2.csv");
        assertThat(table.badRows()).isEqualTo(BadRowPolicy.FLAG);
        assertThat(table.columns().get(1).sourceColumn()).isEqualTo("RA_RAD");
        assertThat(table.columns().get(1).sourceUnit()).hasValue("rad");
        assertThat(table.catalogTable().columns()).extracting(c -> c.name())
                .containsExactly("id", "ra", "dec", "mag_r", "flags_r", IngestFlags.COLUMN);
        assertThat(table.catalogTable().column("flags_r").orElseThrow().flags().orElseThrow().bits())
                .extracting(bit -> bit.bit() + ":" + bit.name()).containsExactly("0:SATURATED", "3:BLENDED");
        assertThat(table.catalogTable().column("mag_r").orElseThrow().type()).isEqualTo(ColumnType.FLOAT);
        assertThat(descriptor.footprint().coverage()).containsKey("r");
    }

    @Test
    void theSameDescriptorInJsonGivesTheSameResult() throws IOException {
        String json = """
                {"name": "demo", "title": "Demo survey", "epoch": 2016.0,
                 "bands": [{"name": "r", "wavelength_micron": 0.62, "pixel_scale_arcsec": 0.2, "depth_mag": 24.5}],
                 "footprint": {"coverage": {"r": "cov_r.fits"}},
                 "tables": [{"name": "objects", "files": ["part-*.csv"], "bad_rows": "flag",
                   "columns": {
                     "id": {"type": "long"},
                     "ra": {"type": "double", "unit": "deg", "from": "RA_RAD", "from_unit": "rad"},
                     "dec": {"type": "double", "unit": "deg", "from": "DEC_RAD", "from_unit": "rad"},
                     "mag_r": {"type": "float", "unit": "mag", "band": "r"},
                     "flags_r": {"type": "int", "band": "r", "flags": [
                        {"bit": 0, "name": "SATURATED", "description": "Saturated pixels."},
                        {"bit": 3, "name": "BLENDED", "description": "Blended with a neighbour."}]}}}]}
                """;
        SurveyDescriptor fromYaml = SurveyDescriptors.read(write("survey.yaml", GOOD));
        SurveyDescriptor fromJson = SurveyDescriptors.read(write("survey.json", json));

        assertThat(fromJson.tables()).isEqualTo(fromYaml.tables());
        assertThat(fromJson.bands()).isEqualTo(fromYaml.bands());
        assertThat(fromJson.footprint()).isEqualTo(fromYaml.footprint());
    }

    @Test
    void aWrongUnitIsReportedAtItsKeyPathAndLine() throws IOException {
        IngestException e = failure(GOOD.replace("mag_r: {type: float, unit: mag, band: r}", "mag_r: {type: float, unit: mag, from_unit: deg}"));
        assertThat(e.keyPath()).hasValue("tables[0].columns.mag_r.from_unit");
        assertThat(e.line()).hasValue(16);
        assertThat(e.getMessage()).contains("survey.yaml, line 16, tables[0].columns.mag_r.from_unit")
                .contains("Expected a unit convertible to 'mag'. Actual: 'deg'");
    }

    @Test
    void positionsMustBePublishedInDegrees() throws IOException {
        IngestException e = failure(GOOD.replace("ra: {type: double, unit: deg,", "ra: {type: double, unit: rad,"));
        assertThat(e.keyPath()).hasValue("tables[0].columns.ra.unit");
        assertThat(e.detail()).contains("Expected unit deg for the position column ra");
    }

    @Test
    void typosAndUnknownValuesNameTheirKey() throws IOException {
        assertThat(failure(GOOD.replace("bad_rows: flag", "bad_rows: drop")).keyPath()).hasValue("tables[0].bad_rows");
        assertThat(failure(GOOD.replace("mag_r: {type: float,", "mag_r: {typ: float,")).getMessage())
                .contains("tables[0].columns.mag_r.typ").contains("Unknown key 'typ'");
        assertThat(failure(GOOD.replace("band: r}", "band: z}")).keyPath()).hasValue("tables[0].columns.mag_r.band");
        assertThat(failure(GOOD.replace("{bit: 3,", "{bit: 40,")).getMessage())
                .contains("tables[0].columns.flags_r.flags[1].bit").contains("Expected a bit in [0, 31]. Actual: 40");
        assertThat(failure(GOOD.replace("part-*.csv", "nothing-*.csv")).getMessage())
                .contains("tables[0].files[0]").contains("No file matches 'nothing-*.csv'");
        assertThat(failure(GOOD.replace("cov_r.fits", "cov_missing.fits")).keyPath()).hasValue("footprint.coverage.r");
        assertThat(failure(GOOD.replace("name: demo", "name: Demo-Survey")).keyPath()).hasValue("name");
        IngestException missingTables = failure("name: demo\n");
        assertThat(missingTables.keyPath()).hasValue("tables");
    }

    @Test
    void yamlAndJsonSyntaxErrorsGiveTheLine() throws IOException {
        IngestException yaml = failure(GOOD.replace("  - name: objects", "  - name: objects\n   oops: [unclosed"));
        assertThat(yaml.line()).isPresent();
        assertThat(yaml.getMessage()).contains("survey.yaml, line");

        Path json = write("broken.json", "{\n  \"name\": \"demo\",\n  \"tables\": [\n}\n");
        IngestException e = catchThrowableOfType(() -> SurveyDescriptors.read(json), IngestException.class);
        assertThat(e.line()).hasValue(4);
        Path duplicate = write("duplicate.json", "{\"name\": \"demo\",\n\"name\": \"other\"}");
        assertThat(catchThrowableOfType(() -> SurveyDescriptors.read(duplicate), IngestException.class).getMessage())
                .contains("line 2").contains("given twice");
    }
}
