package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.SurveyJson;

/**
 * Column documentation in Parquet key/value metadata, and back.
 *
 * <p>Every Parquet file skysieve writes carries (a) the VOParquet pair {@value #VOPARQUET_VERSION_KEY} and
 * {@value #VOPARQUET_CONTENT_KEY} for any VO tool, and (b) {@value #TABLE_KEY}, the {@link CatalogTable} as JSON,
 * which round-trips exactly. Reading prefers (b); without it the documentation is derived from the Parquet schema
 * (authoritative for names and types) decorated with the VOParquet FIELDs when present. Stateless and thread-safe.
 */
public final class HatsColumnMetadata {
    public static final String VOPARQUET_VERSION_KEY = "IVOA.VOTable-Parquet.version";
    public static final String VOPARQUET_CONTENT_KEY = "IVOA.VOTable-Parquet.content";
    public static final String TABLE_KEY = "skysieve.table";
    public static final String SURVEY_KEY = "skysieve.survey";

    private HatsColumnMetadata() {
    }

    /** The key/value metadata of every Parquet file of the catalogue of {@code table}. */
    public static Map<String, String> keyValues(CatalogTable table, String surveyName, String healpixColumn) {
        requireNonNull(table, "table is null");
        requireNonNull(surveyName, "surveyName is null");
        Map<String, String> values = new LinkedHashMap<>();
        values.put(VOPARQUET_VERSION_KEY, "1.0");
        values.put(VOPARQUET_CONTENT_KEY, VoTableFields.document(table, surveyName, healpixColumn));
        values.put(TABLE_KEY, SurveyJson.toJson(table));
        values.put(SURVEY_KEY, surveyName);
        return values;
    }

    /**
     * The documentation of the columns of a Parquet file, without the HEALPix index column.
     *
     * @param footer        the footer of {@code _common_metadata} or of a data file
     * @param tableName     the name to give a derived table (the catalogue's {@code obs_collection})
     * @param raColumn      {@code hats_col_ra}
     * @param decColumn     {@code hats_col_dec}
     * @param healpixColumn {@code hats_col_healpix}, left out of the columns
     */
    public static CatalogTable table(FileMetaData footer, String tableName, String raColumn, String decColumn, String healpixColumn) {
        Map<String, String> keyValues = ParquetFooters.keyValues(footer);
        String json = keyValues.get(TABLE_KEY);
        if (json != null) {
            return SurveyJson.fromJson(json, CatalogTable.class);
        }
        Map<String, VoTableFields.Field> fields = new LinkedHashMap<>();
        String votable = keyValues.get(VOPARQUET_CONTENT_KEY);
        if (votable != null) {
            for (VoTableFields.Field field : VoTableFields.parse(votable)) {
                fields.put(field.name().toLowerCase(Locale.ROOT), field);
            }
        }
        List<ColumnDoc> columns = new ArrayList<>();
        for (SchemaElement element : topLevelColumns(footer)) {
            if (element.getName().equalsIgnoreCase(healpixColumn)) {
                continue;
            }
            Optional<VoTableFields.Field> field = Optional.ofNullable(fields.get(element.getName().toLowerCase(Locale.ROOT)));
            columns.add(ColumnDoc.of(element.getName(), columnType(element),
                    field.map(VoTableFields.Field::unit).orElse(""),
                    field.map(VoTableFields.Field::ucd).orElse(""),
                    field.map(VoTableFields.Field::description).orElse("")));
        }
        return new CatalogTable(tableName, "", raColumn, decColumn, idColumn(columns, raColumn), columns);
    }

    /** The top-level columns of the schema (nested groups count as one column), in file order. */
    static List<SchemaElement> topLevelColumns(FileMetaData footer) {
        List<SchemaElement> schema = footer.getSchema();
        List<SchemaElement> columns = new ArrayList<>();
        int index = 1;
        int rootChildren = schema.get(0).getNum_children();
        for (int child = 0; child < rootChildren && index < schema.size(); child++) {
            SchemaElement element = schema.get(index);
            columns.add(element);
            index = skipSubtree(schema, index);
        }
        return columns;
    }

    private static int skipSubtree(List<SchemaElement> schema, int index) {
        int children = schema.get(index).isSetNum_children() ? schema.get(index).getNum_children() : 0;
        int next = index + 1;
        for (int i = 0; i < children; i++) {
            next = skipSubtree(schema, next);
        }
        return next;
    }

    /** The skysieve type of a Parquet column; nested and binary columns that are not text are described as strings. */
    static ColumnType columnType(SchemaElement element) {
        if (element.isSetNum_children() && element.getNum_children() > 0) {
            return ColumnType.STRING;
        }
        ConvertedType converted = element.isSetConverted_type() ? element.getConverted_type() : null;
        return switch (element.getType()) {
            case BOOLEAN -> ColumnType.BOOLEAN;
            case INT32 -> converted == ConvertedType.INT_8 || converted == ConvertedType.INT_16 || converted == ConvertedType.UINT_8
                    ? ColumnType.SHORT : ColumnType.INT;
            case INT64 -> ColumnType.LONG;
            case FLOAT -> ColumnType.FLOAT;
            case DOUBLE -> ColumnType.DOUBLE;
            default -> ColumnType.STRING;
        };
    }

    /**
     * The identifier column of a table derived from files alone (HATS does not record one): a column named
     * {@code id}, else the first whose name ends in {@code id}, else the ra column.
     */
    private static String idColumn(List<ColumnDoc> columns, String raColumn) {
        for (ColumnDoc column : columns) {
            if (column.name().equalsIgnoreCase("id")) {
                return column.name();
            }
        }
        for (ColumnDoc column : columns) {
            if (column.name().toLowerCase(Locale.ROOT).endsWith("id")) {
                return column.name();
            }
        }
        return raColumn;
    }
}
