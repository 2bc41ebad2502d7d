package org.skysieve.server.tap;

import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.tap.TapMetadata;
import org.skysieve.formats.TableFormat;
import org.skysieve.formats.VoTableFieldElements;
import org.skysieve.formats.Xml;

/**
 * The VOSI documents of the TAP service: capabilities (with TAPRegExt: language and features, output formats,
 * upload methods, retention, execution duration, output and upload limits), availability, and tables (VODataService
 * 1.1 types: every column's unit, UCD and description, flag bits included). Stateless.
 */
final class VosiDocuments {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** ADQL 2.1 optional features the service declares (TAPRegExt feature types and forms). */
    private static final List<List<String>> FEATURES = List.of(
            List.of("ivo://ivoa.net/std/TAPRegExt#features-adqlgeo", "POINT", "CIRCLE", "BOX", "POLYGON", "CONTAINS",
                    "INTERSECTS", "DISTANCE", "AREA", "COORD1", "COORD2", "CENTROID", "REGION"),
            List.of("ivo://ivoa.net/std/TAPRegExt#features-adql-string", "LOWER", "ILIKE"),
            List.of("ivo://ivoa.net/std/TAPRegExt#features-adql-offset", "OFFSET"),
            List.of("ivo://ivoa.net/std/TAPRegExt#features-adql-sets", "UNION", "EXCEPT", "INTERSECT"),
            List.of("ivo://ivoa.net/std/TAPRegExt#features-adql-common-table", "WITH"),
            List.of("ivo://ivoa.net/std/TAPRegExt#features-adql-type", "CAST"),
            List.of("ivo://ivoa.net/std/TAPRegExt#features-adql-unit", "IN_UNIT"),
            List.of("ivo://ivoa.net/std/TAPRegExt#features-adql-bitwise", "BIT_AND", "BIT_OR", "BIT_XOR", "BIT_NOT"));

    /**
     * skysieve's user-defined functions (TAPRegExt form and description), as the query module's StatusFunctions
     * evaluates them.
     */
    private static final List<List<String>> USER_DEFINED_FUNCTIONS = List.of(
            List.of("sieve_coverage(survey VARCHAR, band VARCHAR, ra DOUBLE, dec DOUBLE) -> VARCHAR",
                    "What a survey band knows of an ICRS position (degrees) from its coverage and mask maps: 'observed' (in"
                            + " coverage, outside masks), 'masked' (in coverage, inside a mask) or 'unobserved'. A HEALPix look-up."),
            List.of("sieve_limit(survey VARCHAR, band VARCHAR, ra DOUBLE, dec DOUBLE) -> DOUBLE",
                    "The 5-sigma limiting magnitude of a survey band at an ICRS position (degrees), from its depth map; null where"
                            + " unobserved. A HEALPix look-up."));

    private VosiDocuments() {
    }

    static String capabilities(String baseUrl, TapSettings settings) {
        StringBuilder xml = new StringBuilder(8192);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\" xmlns:xsi=\"").append(XSI)
                .append("\" xmlns:vr=\"http://www.ivoa.net/xml/VOResource/v1.0\" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"")
                .append(" xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\">\n");
        xml.append(" <capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">\n");
        xml.append("  <interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\">\n");
        xml.append("   <accessURL use=\"base\">").append(Xml.escape(baseUrl)).append("</accessURL>\n");
        xml.append("  </interface>\n");
        xml.append("  <language>\n   <name>ADQL</name>\n");
        xml.append("   <version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.1\">2.1</version>\n");
        xml.append("   <version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version>\n");
        xml.append("   <description>ADQL 2.1, optional features included; geometry on a survey's position is answered through"
                + " its HEALPix index.</description>\n");
        for (List<String> feature : FEATURES) {
            xml.append("   <languageFeatures type=\"").append(feature.get(0)).append("\">\n");
            for (String form : feature.subList(1, feature.size())) {
                xml.append("    <feature><form>").append(form).append("</form></feature>\n");
            }
            xml.append("   </languageFeatures>\n");
        }
        xml.append("   <languageFeatures type=\"ivo://ivoa.net/std/TAPRegExt#features-udf\">\n");
        for (List<String> function : USER_DEFINED_FUNCTIONS) {
            xml.append("    <feature><form>").append(Xml.escape(function.get(0))).append("</form><description>")
                    .append(Xml.escape(function.get(1))).append("</description></feature>\n");
        }
        xml.append("   </languageFeatures>\n");
        xml.append("  </language>\n");
        for (TableFormat format : TableFormat.values()) {
            xml.append("  <outputFormat").append(outputFormatId(format)).append(">\n   <mime>")
                    .append(Xml.escape(format.mimeType())).append("</mime>\n");
            xml.append("   <alias>").append(Xml.escape(format.aliases().get(0))).append("</alias>\n  </outputFormat>\n");
        }
        xml.append("  <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>\n");
        if (settings.uploadUrls()) {
            xml.append("  <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-http\"/>\n");
            xml.append("  <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-https\"/>\n");
        }
        xml.append("  <retentionPeriod>\n   <default>").append(settings.defaultRetention().toSeconds()).append("</default>\n   <hard>")
                .append(settings.maxRetention().toSeconds()).append("</hard>\n  </retentionPeriod>\n");
        xml.append("  <executionDuration>\n   <default>").append(settings.defaultExecutionDuration().toSeconds())
                .append("</default>\n   <hard>").append(settings.maxExecutionDuration().toSeconds()).append("</hard>\n  </executionDuration>\n");
        xml.append("  <outputLimit>\n   <default unit=\"row\">").append(settings.defaultMaxrec()).append("</default>\n   <hard unit=\"row\">")
                .append(settings.maxMaxrec()).append("</hard>\n  </outputLimit>\n");
        // TAPRegExt 1.0 (what validators check) allows one uploadLimit with one default and one hard limit, each with
        // its own unit: the rows per table go in default, the bytes per request in hard; both are enforced as they are
        xml.append("  <uploadLimit>\n   <default unit=\"row\">").append(settings.uploadLimitRows()).append("</default>\n   <hard unit=\"byte\">")
                .append(settings.uploadLimitBytes()).append("</hard>\n  </uploadLimit>\n");
        xml.append(" </capability>\n");
        vosiCapability(xml, "ivo://ivoa.net/std/VOSI#capabilities", baseUrl + "/capabilities");
        vosiCapability(xml, "ivo://ivoa.net/std/VOSI#availability", baseUrl + "/availability");
        vosiCapability(xml, "ivo://ivoa.net/std/VOSI#tables-1.1", baseUrl + "/tables");
        xml.append(" <capability standardID=\"ivo://ivoa.net/std/DALI#examples\">\n  <interface xsi:type=\"vr:WebBrowser\">\n")
                .append("   <accessURL use=\"full\">").append(Xml.escape(baseUrl)).append("/examples</accessURL>\n  </interface>\n </capability>\n");
        mocCapability(xml, baseUrl);
        xml.append("</vosi:capabilities>\n");
        return xml.toString();
    }

    private static String outputFormatId(TableFormat format) {
        return switch (format) {
            case VOTABLE_BINARY2 -> " ivo-id=\"ivo://ivoa.net/std/TAPRegExt#output-votable-binary2\"";
            case VOTABLE_TABLEDATA -> " ivo-id=\"ivo://ivoa.net/std/TAPRegExt#output-votable-td\"";
            default -> "";
        };
    }

    /**
     * The coverage and mask MOCs (IVOA MOC 2.0) of every survey band, served at {@code /moc} beside {@code /tap}. No
     * IVOA standard defines a MOC service, so the capability carries skysieve's own standardID.
     */
    private static void mocCapability(StringBuilder xml, String baseUrl) {
        String root = baseUrl.endsWith("/tap") ? baseUrl.substring(0, baseUrl.length() - "/tap".length()) : baseUrl;
        xml.append(" <capability standardID=\"ivo://skysieve/moc\">\n  <description>Coverage and mask MOCs (IVOA MOC 2.0: FITS, JSON,")
                .append(" ASCII) of every survey band: GET moc lists them, moc/SURVEY/BAND/coverage and moc/SURVEY/BAND/masks")
                .append(" (and moc/SURVEY/BAND/masks/REASON where the survey gives mask reasons) serve one (?format=fits|json|ascii).</description>\n  <interface xsi:type=\"vs:ParamHTTP\">\n")
                .append("   <accessURL use=\"base\">").append(Xml.escape(root)).append("/moc</accessURL>\n  </interface>\n </capability>\n");
    }

    private static void vosiCapability(StringBuilder xml, String standardId, String url) {
        xml.append(" <capability standardID=\"").append(standardId).append("\">\n  <interface xsi:type=\"vs:ParamHTTP\" role=\"std\">\n")
                .append("   <accessURL use=\"full\">").append(Xml.escape(url)).append("</accessURL>\n  </interface>\n </capability>\n");
    }

    static String availability(boolean available, String note) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<vosi:availability xmlns:vosi=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\">\n"
                + " <vosi:available>" + available + "</vosi:available>\n"
                + " <vosi:note>" + Xml.escape(note) + "</vosi:note>\n"
                + "</vosi:availability>\n";
    }

    /** The whole tableset; {@code withColumns} false gives names and descriptions only (VOSI 1.1 {@code detail=min}). */
    static String tableset(TapMetadata metadata, boolean withColumns) {
        StringBuilder xml = new StringBuilder(65536);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<vosi:tableset xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\" xmlns:xsi=\"").append(XSI)
                .append("\" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\">\n");
        for (TapMetadata.Schema schema : metadata.schemas()) {
            xml.append(" <schema>\n  <name>").append(Xml.escape(schema.name())).append("</name>\n");
            xml.append("  <description>").append(Xml.escape(schema.description())).append("</description>\n");
            for (TapMetadata.Table table : schema.tables()) {
                appendTable(xml, table, withColumns, "table");
            }
            xml.append(" </schema>\n");
        }
        xml.append("</vosi:tableset>\n");
        return xml.toString();
    }

    /** One table as a VOSI 1.1 {@code table} document. */
    static String table(TapMetadata.Table table) {
        StringBuilder xml = new StringBuilder(16384);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        appendTable(xml, table, true, "vosi:table xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\" xmlns:xsi=\"" + XSI
                + "\" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"");
        return xml.toString();
    }

    private static void appendTable(StringBuilder xml, TapMetadata.Table table, boolean withColumns, String element) {
        String closing = element.split(" ")[0];
        xml.append("  <").append(element).append(" type=\"table\">\n   <name>").append(Xml.escape(table.qualifiedName())).append("</name>\n");
        if (!table.description().isEmpty()) {
            xml.append("   <description>").append(Xml.escape(table.description())).append("</description>\n");
        }
        if (withColumns) {
            for (ColumnDoc column : table.columns()) {
                xml.append("   <column>\n    <name>").append(Xml.escape(column.name())).append("</name>\n");
                String description = VoTableFieldElements.description(column);
                if (!description.isEmpty()) {
                    xml.append("    <description>").append(Xml.escape(description)).append("</description>\n");
                }
                if (!column.unit().isEmpty()) {
                    xml.append("    <unit>").append(Xml.escape(column.unit())).append("</unit>\n");
                }
                if (!column.ucd().isEmpty()) {
                    xml.append("    <ucd>").append(Xml.escape(column.ucd())).append("</ucd>\n");
                }
                xml.append("    <dataType xsi:type=\"vs:VOTableType\"")
                        .append(column.type() == ColumnType.STRING ? " arraysize=\"*\"" : "").append('>')
                        .append(column.type().votableDatatype()).append("</dataType>\n");
                if (table.indexed().contains(column.name())) {
                    xml.append("    <flag>indexed</flag>\n");
                }
                if (table.principal().contains(column.name())) {
                    xml.append("    <flag>principal</flag>\n");
                }
                xml.append("   </column>\n");
            }
            for (TapMetadata.ForeignKey key : table.foreignKeys()) {
                xml.append("   <foreignKey>\n    <targetTable>").append(Xml.escape(key.targetTable())).append("</targetTable>\n")
                        .append("    <fkColumn>\n     <fromColumn>").append(Xml.escape(key.fromColumn())).append("</fromColumn>\n")
                        .append("     <targetColumn>").append(Xml.escape(key.targetColumn())).append("</targetColumn>\n    </fkColumn>\n")
                        .append("    <description>").append(Xml.escape(key.description())).append("</description>\n   </foreignKey>\n");
            }
        }
        xml.append("  </").append(closing).append(">\n");
    }
}
