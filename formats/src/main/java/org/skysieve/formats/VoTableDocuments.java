package org.skysieve.formats;

import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * The fixed parts of the VOTable 1.4 documents skysieve writes: the head of a result (up to the data element), its
 * tail (with the OVERFLOW INFO when cut), and the DALI error document ({@code QUERY_STATUS=ERROR}). Stateless.
 */
public final class VoTableDocuments {
    public static final String NAMESPACE = "http://www.ivoa.net/xml/VOTable/v1.3";

    private VoTableDocuments() {
    }

    /** Everything up to and including the opening {@code <DATA>}. */
    static String head(List<ColumnDoc> columns) {
        return head(columns, java.util.Collections.nCopies(columns.size(), ""));
    }

    /** As {@link #head(List)} with each column's xtype (empty for none). */
    static String head(List<ColumnDoc> columns, List<String> xtypes) {
        if (xtypes.size() != columns.size()) {
            throw new IllegalArgumentException("Expected one xtype per column (" + columns.size() + "). Actual: " + xtypes.size());
        }
        StringBuilder xml = new StringBuilder(1024 + 256 * columns.size());
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<VOTABLE version=\"1.4\" xmlns=\"").append(NAMESPACE).append("\">\n");
        xml.append("<RESOURCE type=\"results\">\n");
        xml.append("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
        xml.append("<TABLE>\n");
        for (int i = 0; i < columns.size(); i++) {
            VoTableFieldElements.append(xml, columns.get(i), xtypes.get(i));
        }
        xml.append("<DATA>\n");
        return xml.toString();
    }

    /** From the closing {@code </DATA>} to the end; a cut result gets the DALI overflow INFO after its table. */
    static String tail(boolean overflow) {
        StringBuilder xml = new StringBuilder("</DATA>\n</TABLE>\n");
        if (overflow) {
            xml.append("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\">The result was cut at the row limit (MAXREC);"
                    + " more rows match.</INFO>\n");
        }
        xml.append("</RESOURCE>\n</VOTABLE>\n");
        return xml.toString();
    }

    /** A data-less VOTable describing the columns (the VOParquet header), with the OVERFLOW INFO when cut. */
    static String fieldsOnly(List<ColumnDoc> columns, boolean overflow) {
        String head = head(columns);
        return head.substring(0, head.length() - "<DATA>\n".length()) + tail(overflow).substring("</DATA>\n".length());
    }

    /** A DALI error document: {@code <INFO name="QUERY_STATUS" value="ERROR">message</INFO>}. */
    public static String error(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<VOTABLE version=\"1.4\" xmlns=\"" + NAMESPACE + "\">\n"
                + "<RESOURCE type=\"results\">\n"
                + "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">" + Xml.escape(message) + "</INFO>\n"
                + "</RESOURCE>\n</VOTABLE>\n";
    }
}
