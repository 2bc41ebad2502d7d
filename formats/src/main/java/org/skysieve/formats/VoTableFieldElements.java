package org.skysieve.formats;

import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.tap.ColumnDescriptions;

/**
 * The VOTable FIELD elements of result columns: name, datatype (strings: {@code char}, {@code arraysize="*"}),
 * unit, UCD and a DESCRIPTION that also says what a null means and, for a flag column, what every bit means; the
 * bits are also listed as {@code VALUES/OPTION} (name = bit name, value = the bit's mask), as the archive's VOParquet
 * metadata does. A per-band status column ({@link MissingStatus#isStatusColumn}) lists its four words the same way
 * (name = what the word means, value = the word). Stateless.
 */
public final class VoTableFieldElements {
    private VoTableFieldElements() {
    }

    public static void append(StringBuilder xml, List<ColumnDoc> columns) {
        for (ColumnDoc column : columns) {
            append(xml, column);
        }
    }

    public static void append(StringBuilder xml, ColumnDoc column) {
        append(xml, column, "");
    }

    /** One FIELD, with {@code xtype} (e.g. {@code timestamp}) unless it is empty. */
    public static void append(StringBuilder xml, ColumnDoc column, String xtype) {
        xml.append("<FIELD name=\"").append(Xml.escape(column.name())).append("\" datatype=\"")
                .append(column.type().votableDatatype()).append('"');
        if (column.type() == ColumnType.STRING) {
            xml.append(" arraysize=\"*\"");
        }
        String written = column.type().isGeometry() ? column.type().xtype() : xtype;
        if (column.type().isGeometry()) {
            xml.append(" arraysize=\"").append(column.type().votableArraysize()).append('"');
        }
        if (!written.isEmpty()) {
            xml.append(" xtype=\"").append(Xml.escape(written)).append('"');
        }
        if (!column.unit().isEmpty()) {
            xml.append(" unit=\"").append(Xml.escape(column.unit())).append('"');
        }
        if (!column.ucd().isEmpty()) {
            xml.append(" ucd=\"").append(Xml.escape(column.ucd())).append('"');
        }
        xml.append(">\n");
        String description = description(column);
        if (!description.isEmpty()) {
            xml.append("  <DESCRIPTION>").append(Xml.escape(description)).append("</DESCRIPTION>\n");
        }
        if (column.flags().isPresent() && !column.flags().get().bits().isEmpty()) {
            xml.append("  <VALUES>\n");
            for (FlagBit bit : column.flags().get().bits()) {
                xml.append("   <OPTION name=\"").append(Xml.escape(bit.name())).append("\" value=\"")
                        .append(Long.toUnsignedString(bit.mask())).append("\"/>\n");
            }
            xml.append("  </VALUES>\n");
        }
        if (MissingStatus.isStatusColumn(column)) {
            xml.append("  <VALUES>\n");
            for (MissingStatus status : MissingStatus.values()) {
                xml.append("   <OPTION name=\"").append(Xml.escape(status.meaning())).append("\" value=\"").append(status.word())
                        .append("\"/>\n");
            }
            xml.append("  </VALUES>\n");
        }
        xml.append("</FIELD>\n");
    }

    /** See {@link ColumnDescriptions#description(ColumnDoc)}. */
    public static String description(ColumnDoc column) {
        return ColumnDescriptions.description(column);
    }

    /** See {@link ColumnDescriptions#flagBits(ColumnDoc)}. */
    public static String flagBits(ColumnDoc column) {
        return ColumnDescriptions.flagBits(column);
    }
}
