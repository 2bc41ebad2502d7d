package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.FlagBit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The data-less VOTable document of the VOParquet convention (IVOA Note "Parquet in the VO" 1.0): one FIELD per
 * Parquet column, in file order, with datatype, unit, UCD and description; a flag column lists its bits both in
 * its DESCRIPTION and as VALUES/OPTION elements (name = bit name, value = the bit's mask).
 *
 * <p>Stateless and thread-safe.
 */
public final class VoTableFields {
    /** What a FIELD says about one column. Empty strings mean "not given". */
    public record Field(String name, String datatype, String unit, String ucd, String description) {
        public Field {
            requireNonNull(name, "name is null");
            requireNonNull(datatype, "datatype is null");
            requireNonNull(unit, "unit is null");
            requireNonNull(ucd, "ucd is null");
            requireNonNull(description, "description is null");
        }
    }

    private VoTableFields() {
    }

    /**
     * The VOTable describing the Parquet columns {@code healpixColumn} (first, as HATS files put it) then every
     * documented column of {@code table}.
     */
    public static String document(CatalogTable table, String surveyName, String healpixColumn) {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n");
        xml.append(" <RESOURCE type=\"results\">\n");
        xml.append("  <INFO name=\"survey\" value=\"").append(escape(surveyName)).append("\"/>\n");
        xml.append("  <TABLE name=\"").append(escape(table.name())).append("\">\n");
        if (!table.description().isEmpty()) {
            xml.append("   <DESCRIPTION>").append(escape(table.description())).append("</DESCRIPTION>\n");
        }
        xml.append("   <FIELD name=\"").append(escape(healpixColumn)).append("\" datatype=\"long\" ucd=\"pos.healpix\">\n");
        xml.append("    <DESCRIPTION>HEALPix NESTED index at order 29 of the position (")
                .append(escape(table.raColumn())).append(", ").append(escape(table.decColumn()))
                .append("); rows are sorted by it.</DESCRIPTION>\n");
        xml.append("   </FIELD>\n");
        for (ColumnDoc column : table.columns()) {
            appendField(xml, column);
        }
        xml.append("  </TABLE>\n");
        xml.append(" </RESOURCE>\n");
        xml.append("</VOTABLE>\n");
        return xml.toString();
    }

    private static void appendField(StringBuilder xml, ColumnDoc column) {
        xml.append("   <FIELD name=\"").append(escape(column.name())).append("\" datatype=\"")
                .append(column.type().votableDatatype()).append('"');
        if (column.type() == org.skysieve.catalog.model.ColumnType.STRING) {
            xml.append(" arraysize=\"*\"");
        }
        if (!column.unit().isEmpty()) {
            xml.append(" unit=\"").append(escape(column.unit())).append('"');
        }
        if (!column.ucd().isEmpty()) {
            xml.append(" ucd=\"").append(escape(column.ucd())).append('"');
        }
        xml.append(">\n    <DESCRIPTION>").append(escape(fullDescription(column))).append("</DESCRIPTION>\n");
        if (column.flags().isPresent() && !column.flags().get().bits().isEmpty()) {
            xml.append("    <VALUES>\n");
            for (FlagBit bit : column.flags().get().bits()) {
                xml.append("     <OPTION name=\"").append(escape(bit.name())).append("\" value=\"")
                        .append(Long.toUnsignedString(bit.mask())).append("\"/>\n");
            }
            xml.append("    </VALUES>\n");
        }
        xml.append("   </FIELD>\n");
    }

    /** The description with what a null means and, for flag columns, every bit spelled out. */
    static String fullDescription(ColumnDoc column) {
        StringBuilder text = new StringBuilder(column.description());
        column.band().ifPresent(band -> text.append(text.length() > 0 ? " " : "").append("Band: ").append(band).append('.'));
        if (!column.nullMeaning().isEmpty()) {
            text.append(text.length() > 0 ? " " : "").append("Null means: ").append(column.nullMeaning());
        }
        column.flags().ifPresent(flags -> {
            text.append(text.length() > 0 ? " " : "").append("Bits:");
            for (FlagBit bit : flags.bits()) {
                text.append(" bit ").append(bit.bit()).append(" (").append(Long.toUnsignedString(bit.mask())).append(") ")
                        .append(bit.name()).append(": ").append(bit.description()).append(';');
            }
        });
        return text.toString();
    }

    /** The FIELDs of the first TABLE of a VOTable document, in document order. */
    public static List<Field> parse(String votable) {
        Document document = parseXml(votable);
        NodeList tables = document.getElementsByTagNameNS("*", "TABLE");
        if (tables.getLength() == 0) {
            throw new HatsException("Expected a TABLE element in the VOParquet VOTable. Actual: none");
        }
        List<Field> fields = new ArrayList<>();
        for (Node node = tables.item(0).getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && "FIELD".equals(localName(element))) {
                fields.add(new Field(
                        element.getAttribute("name"),
                        element.getAttribute("datatype"),
                        element.getAttribute("unit"),
                        element.getAttribute("ucd"),
                        childText(element, "DESCRIPTION").orElse("")));
            }
        }
        return List.copyOf(fields);
    }

    private static Document parseXml(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new HatsException("Cannot parse the VOParquet VOTable: " + e.getMessage(), e);
        }
    }

    private static Optional<String> childText(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) {
                return Optional.of(element.getTextContent().strip());
            }
        }
        return Optional.empty();
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    // XML 1.0 cannot carry most control characters, even escaped.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        escaped.append(' ');
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
