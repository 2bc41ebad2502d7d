package org.skysieve.catalog.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The documentation of one catalogue column; it travels with the data everywhere the column appears.
 *
 * @param name        column name as stored and queried
 * @param type        value type
 * @param unit        VOUnit string, empty when dimensionless
 * @param ucd         UCD1+ word list, e.g. {@code pos.eq.ra;meta.main}; empty if none fits
 * @param description one or two sentences for the user
 * @param nullMeaning what a null in this column means (e.g. "not detected in r: see r_status"); empty if never null
 * @param band        the band this column measures, if any (e.g. {@code r})
 * @param flags       the bit dictionary when this is a flag column
 */
public record ColumnDoc(
        String name,
        ColumnType type,
        String unit,
        String ucd,
        String description,
        String nullMeaning,
        Optional<String> band,
        Optional<FlagDictionary> flags) {

    public ColumnDoc {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(ucd, "ucd is null");
        requireNonNull(description, "description is null");
        requireNonNull(nullMeaning, "nullMeaning is null");
        requireNonNull(band, "band is null");
        requireNonNull(flags, "flags is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Column name is blank");
        }
        if (flags.isPresent() && type != ColumnType.SHORT && type != ColumnType.INT && type != ColumnType.LONG) {
            throw new IllegalArgumentException("Flag column " + name + " must be an integer type. Actual: " + type);
        }
    }

    /** A plain column with no band, no flags and never null. */
    public static ColumnDoc of(String name, ColumnType type, String unit, String ucd, String description) {
        return new ColumnDoc(name, type, unit, ucd, description, "", Optional.empty(), Optional.empty());
    }

    public ColumnDoc withNullMeaning(String meaning) {
        return new ColumnDoc(name, type, unit, ucd, description, meaning, band, flags);
    }

    public ColumnDoc withBand(String bandName) {
        return new ColumnDoc(name, type, unit, ucd, description, nullMeaning, Optional.of(bandName), flags);
    }

    public ColumnDoc withFlags(FlagDictionary dictionary) {
        return new ColumnDoc(name, type, unit, ucd, description, nullMeaning, band, Optional.of(dictionary));
    }
}
