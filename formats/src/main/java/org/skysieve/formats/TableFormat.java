package org.skysieve.formats;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The output formats of a query result, with the MIME type written in responses and the names a client may ask for
 * (TAP {@code RESPONSEFORMAT}: the MIME types of DALI and TAPRegExt and their short aliases).
 */
public enum TableFormat {
    VOTABLE_TABLEDATA("application/x-votable+xml;serialization=TABLEDATA", "vot",
            List.of("votable/td", "tabledata", "votable_td", "application/x-votable+xml;serialization=tabledata")),
    VOTABLE_BINARY2("application/x-votable+xml", "vot",
            List.of("votable", "votable/b2", "binary2", "votable_b2", "text/xml", "application/xml",
                    "application/x-votable+xml;serialization=binary2")),
    CSV("text/csv;header=present", "csv", List.of("csv", "text/csv")),
    TSV("text/tab-separated-values", "tsv", List.of("tsv", "tab-separated-values")),
    FITS("application/fits", "fits", List.of("fits", "application/fits", "image/fits")),
    PARQUET("application/vnd.apache.parquet", "parquet",
            List.of("parquet", "voparquet", "application/x-parquet", "application/parquet"));

    private final String mimeType;
    private final String fileExtension;
    private final List<String> aliases;

    TableFormat(String mimeType, String fileExtension, List<String> aliases) {
        this.mimeType = mimeType;
        this.fileExtension = fileExtension;
        this.aliases = aliases;
    }

    /** The MIME type of a response in this format. */
    public String mimeType() {
        return mimeType;
    }

    /** The file name extension of a result file, without the dot. */
    public String fileExtension() {
        return fileExtension;
    }

    /** Every name accepted for this format besides {@link #mimeType()} (lower case). */
    public List<String> aliases() {
        return aliases;
    }

    /** Whether this is a VOTable serialization (and so can carry INFO elements such as the overflow marker). */
    public boolean isVoTable() {
        return this == VOTABLE_TABLEDATA || this == VOTABLE_BINARY2;
    }

    /**
     * The format a client named: a MIME type (parameters and spaces ignored in comparison, case-insensitive) or an
     * alias. Empty when nothing matches.
     */
    public static Optional<TableFormat> fromName(String name) {
        String wanted = normalise(name);
        for (TableFormat format : values()) {
            if (normalise(format.mimeType).equals(wanted)) {
                return Optional.of(format);
            }
            for (String alias : format.aliases) {
                if (normalise(alias).equals(wanted)) {
                    return Optional.of(format);
                }
            }
        }
        if (wanted.startsWith("application/x-votable+xml")) {
            return Optional.of(VOTABLE_BINARY2);
        }
        if (wanted.startsWith("text/csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    private static String normalise(String name) {
        return name.replace(" ", "").replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
