package org.skysieve.formats;

import java.util.List;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.FlagBit;

/**
 * The VOTable FIELD elements of result columns: name, datatype (strings: {@code char}, {@code arraysize="*"}),
 * unit, UCD and a DESCRIPTION that also says what a null means and, for a flag column, what every bit means; the
 * bits are also listed as {@code VALUES/OPTION} (name = bit name, value = the bit's mask), as the archive's VOParquet
 * metadata does. Stateless.
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
        if (!xtype.isEmpty()) {
            xml.append(" xtype=\"").append(Xml.escape(xtype)).append('"');
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
        xml.append("</FIELD>\n");
    }

    /** The description with the band, what a null means and, for flag columns, every bit spelled out. */
    public static String description(ColumnDoc column) {
        StringBuilder text = new StringBuilder(column.description());
        column.band().ifPresent(band -> separate(text).append("Band: ").append(band).append('.'));
        if (!column.nullMeaning().isEmpty()) {
            separate(text).append("Null means: ").append(column.nullMeaning());
        }
        column.flags().ifPresent(flags -> {
            if (!flags.bits().isEmpty()) {
                separate(text).append(flagBits(column));
            }
        });
        return text.toString();
    }

    /** {@code Bits: bit 0 (1) NAME: meaning; ...}, empty when the column is not a flag column. */
    public static String flagBits(ColumnDoc column) {
        if (column.flags().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Bits:");
        for (FlagBit bit : column.flags().get().bits()) {
            text.append(" bit ").append(bit.bit()).append(" (").append(Long.toUnsignedString(bit.mask())).append(") ")
                    .append(bit.name()).append(": ").append(bit.description()).append(';');
        }
        return text.toString();
    }

    private static StringBuilder separate(StringBuilder text) {
        return text.length() > 0 ? text.append(' ') : text;
    }
}
