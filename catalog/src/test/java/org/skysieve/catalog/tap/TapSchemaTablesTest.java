package org.skysieve.catalog.tap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.FlagDictionary;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;

/** TAP_SCHEMA in DuckDB holds exactly what {@link TapMetadata} says: every table, every column, every key. */
class TapSchemaTablesTest {
    @TempDir
    Path data;

    @Test
    void tapSchemaAgreesWithTheMetadataRowForRow() throws Exception {
        List<ColumnDoc> columns = List.of(
                ColumnDoc.of("id", ColumnType.LONG, "", "meta.id;meta.main", "Source id"),
                ColumnDoc.of("ra", ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension"),
                ColumnDoc.of("dec", ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination"),
                ColumnDoc.of("flags", ColumnType.INT, "", "meta.code.qual", "Flags")
                        .withFlags(new FlagDictionary(List.of(new FlagBit(2, "BLEND", "blended with a neighbour")))));
        Survey survey = new Survey("deep_optical", "Deep optical", "A test survey", "", 2014.0,
                List.of(new Band("r", 0.62, 0.2, 24.5, "AB")), List.of(new CatalogTable("sources", "Sources", "ra", "dec", "id", columns)));
        ArchiveLayout layout = new ArchiveLayout(data);
        Files.createDirectories(layout.catalogueFolder("deep_optical", "sources"));
        SurveyJson.write(survey, layout.surveyFile("deep_optical"));
        Files.writeString(layout.catalogueFolder("deep_optical", "sources").resolve("hats.properties"), "hats_nrows=10\n");
        TapMetadata metadata = TapMetadata.of(Archive.open(data));

        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            TapSchemaTables.create(connection, metadata);
            assertThat(count(statement, "SELECT count(*) FROM TAP_SCHEMA.schemas")).isEqualTo(metadata.schemas().size());
            assertThat(count(statement, "SELECT count(*) FROM TAP_SCHEMA.tables")).isEqualTo(metadata.tables().size());
            for (TapMetadata.Table table : metadata.tables()) {
                assertThat(count(statement, "SELECT count(*) FROM TAP_SCHEMA.columns WHERE table_name = '" + table.qualifiedName() + "'"))
                        .isEqualTo(table.columns().size());
            }
            long keys = metadata.tables().stream().mapToLong(t -> t.foreignKeys().size()).sum();
            assertThat(count(statement, "SELECT count(*) FROM TAP_SCHEMA.keys JOIN TAP_SCHEMA.key_columns USING (key_id)")).isEqualTo(keys);
            try (ResultSet row = statement.executeQuery("SELECT flag_bits, description, indexed, principal FROM TAP_SCHEMA.columns"
                    + " WHERE table_name = 'deep_optical.sources' AND column_name = 'flags'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("Bits: bit 2 (4) BLEND: blended with a neighbour;");
                assertThat(row.getString(2)).startsWith("Flags").endsWith(row.getString(1));
                assertThat(row.getInt(3)).isZero();
            }
            assertThat(count(statement, "SELECT count(*) FROM TAP_SCHEMA.columns WHERE indexed = 1 AND table_name = 'deep_optical.sources'"))
                    .isEqualTo(3);
            assertThat(count(statement, "SELECT count(*) FROM TAP_SCHEMA.columns WHERE column_name = '\"size\"'")).isEqualTo(1);
        }
        assertThat(metadata.table("DEEP_OPTICAL.SOURCES")).isNotEmpty();
        assertThat(metadata.table("deep_optical.nothing")).isEqualTo(Optional.empty());
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
