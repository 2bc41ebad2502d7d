package org.skysieve.catalog.ingest;

import java.util.List;
import java.util.Optional;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.FlagDictionary;

/**
 * The {@code ingest_flags} column that tables ingested with {@link BadRowPolicy#FLAG} carry: 0 for a row that
 * passed every check, otherwise the bits below.
 */
public final class IngestFlags {
    public static final String COLUMN = "ingest_flags";
    public static final FlagBit UNPARSABLE = new FlagBit(0, "UNPARSABLE",
            "A value of this row could not be read as its column's type (or its unit could not be converted); it was set to null.");
    public static final FlagBit MISSING_ID = new FlagBit(1, "MISSING_ID",
            "The row had no identifier; the id column is null.");
    public static final FlagBit DUPLICATE_ID = new FlagBit(2, "DUPLICATE_ID",
            "An earlier row of the input has the same identifier (the first occurrence is not flagged).");
    public static final FlagDictionary DICTIONARY = new FlagDictionary(List.of(UNPARSABLE, MISSING_ID, DUPLICATE_ID));

    private IngestFlags() {
    }

    /** The documentation of the column. */
    public static ColumnDoc column() {
        return new ColumnDoc(COLUMN, ColumnType.INT, "", "meta.code.qual",
                "Problems found in this row when it was ingested (bit mask, 0 = none).", "",
                Optional.empty(), Optional.of(DICTIONARY));
    }
}
