package org.skysieve.catalog.hats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.testing.SharedTestData;

class ColumnMetadataTest {
    @TempDir
    Path temp;

    @Test
    void voParquetDocumentIsAValidVoTable14() throws Exception {
        String votable = VoTableFields.document(TestTables.generated(), "synthetic", "_healpix_29");
        Path xsd = SharedTestData.folder("votable/schema").resolve("VOTable.v1.4.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(xsd.toFile()).newValidator().validate(new StreamSource(new StringReader(votable)));

        assertThat(votable).contains("<FIELD name=\"flags\" datatype=\"long\" ucd=\"meta.code.qual\">")
                .contains("<OPTION name=\"SATURATED\" value=\"1\"/>")
                .contains("<OPTION name=\"SPURIOUS_CANDIDATE\" value=\"9223372036854775808\"/>")
                .contains("<FIELD name=\"name\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id\">");
    }

    @Test
    void withoutTheSkysieveKeyTheDocsComeFromSchemaAndVoTable() throws Exception {
        Path written = temp.resolve("objects");
        HatsCatalogWriter.write(TestTables.writeGenerated(temp.resolve("staging.parquet"), 100), TestTables.generated(), "synthetic",
                new HatsWriteOptions(1000, 3, 1), written);
        FileMetaData footer = ParquetFooters.read(written.resolve("dataset/_common_metadata"));
        List<KeyValue> voParquetOnly = footer.getKey_value_metadata().stream()
                .filter(keyValue -> !keyValue.getKey().equals(HatsColumnMetadata.TABLE_KEY)).toList();
        footer.setKey_value_metadata(new java.util.ArrayList<>(voParquetOnly));

        CatalogTable derived = HatsColumnMetadata.table(footer, "objects", "ra", "dec", "_healpix_29");

        CatalogTable original = TestTables.generated();
        assertThat(derived.columns()).hasSameSizeAs(original.columns());
        for (int i = 0; i < original.columns().size(); i++) {
            ColumnDoc expected = original.columns().get(i);
            ColumnDoc actual = derived.columns().get(i);
            assertThat(List.of(actual.name(), actual.type(), actual.unit(), actual.ucd(), actual.description()))
                    .isEqualTo(List.of(expected.name(), expected.type(), expected.unit(), expected.ucd(), VoTableFields.fullDescription(expected)));
        }
        assertThat(derived.idColumn()).isEqualTo("source_id");
    }

    @Test
    void everyDataFileCarriesTheVoParquetKeys() throws Exception {
        Path written = temp.resolve("objects");
        HatsCatalogWriter.write(TestTables.writeGenerated(temp.resolve("staging.parquet"), 400), TestTables.generated(), "synthetic",
                new HatsWriteOptions(100, 4, 1), written);
        for (Path file : HatsCatalog.open(written).dataFiles()) {
            Map<String, String> keyValues = ParquetFooters.keyValues(ParquetFooters.read(file));
            assertThat(keyValues).containsEntry(HatsColumnMetadata.VOPARQUET_VERSION_KEY, "1.0")
                    .containsEntry(HatsColumnMetadata.SURVEY_KEY, "synthetic");
            assertThat(VoTableFields.parse(keyValues.get(HatsColumnMetadata.VOPARQUET_CONTENT_KEY))).extracting(VoTableFields.Field::name)
                    .containsExactly("_healpix_29", "source_id", "ra", "dec", "mag_r", "r_status", "n_epochs", "flags", "is_star", "name");
        }
    }

    @Test
    void footersAndPropertiesOfTheRealCataloguesRoundTrip() throws Exception {
        Path real = SharedTestData.folder("hats/hats/small_sky_o1_collection/small_sky_order1");
        FileMetaData metadata = ParquetFooters.read(real.resolve("dataset/_metadata"));
        Path copy = temp.resolve("_metadata");
        ParquetFooters.writeFooterOnlyFile(metadata, copy);
        assertThat(ParquetFooters.read(copy)).isEqualTo(metadata);
        assertThat(metadata.getRow_groups()).hasSize(4);

        HatsProperties properties = HatsProperties.read(real.resolve("hats.properties"));
        Path propertiesCopy = temp.resolve("hats.properties");
        properties.write(propertiesCopy);
        assertThat(HatsProperties.read(propertiesCopy)).isEqualTo(properties);
        assertThat(properties.values()).containsEntry("hats_creation_date", "2025-10-29T21:43UTC").containsEntry("hats_nrows", "131");
    }
}
