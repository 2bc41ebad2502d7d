package org.skysieve.catalog.tap;

import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.FlagBit;

/**
 * The text that documents a column wherever a single description is shown (VOTable DESCRIPTION, VOSI tables,
 * TAP_SCHEMA.columns, FITS TCOMM): the description, the band, what a null means and, for a flag column, every bit.
 * Stateless.
 */
public final class ColumnDescriptions {
    private ColumnDescriptions() {
    }

    /** The description with the band, what a null means and, for flag columns, every bit spelled out. */
    public static String description(ColumnDoc column) {
        StringBuilder text = new StringBuilder(column.description());
        column.band().ifPresent(band -> separate(text).append("Band: ").append(band).append('.'));
        if (!column.nullMeaning().isEmpty()) {
            separate(text).append("Null means: ").append(column.nullMeaning());
        }
        String bits = flagBits(column);
        if (!bits.isEmpty()) {
            separate(text).append(bits);
        }
        return text.toString();
    }

    /** {@code Bits: bit 0 (1) NAME: meaning; ...}; empty when the column is not a flag column or documents no bit. */
    public static String flagBits(ColumnDoc column) {
        if (column.flags().isEmpty() || column.flags().get().bits().isEmpty()) {
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
