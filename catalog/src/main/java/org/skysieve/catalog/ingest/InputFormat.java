package org.skysieve.catalog.ingest;

import java.nio.file.Path;
import java.util.Locale;

/** The input file formats ingest reads. {@link #AUTO} picks one from the file name's suffix. */
public enum InputFormat {
    CSV("csv"),
    CSV_GZ("csv.gz"),
    FITS("fits"),
    VOTABLE("votable"),
    PARQUET("parquet"),
    AUTO("auto");

    private final String word;

    InputFormat(String word) {
        this.word = word;
    }

    /** The name used in descriptors. */
    public String word() {
        return word;
    }

    public static InputFormat fromWord(String word) {
        for (InputFormat format : values()) {
            if (format.word.equals(word.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("Expected one of csv, csv.gz, fits, votable, parquet, auto. Actual: " + word);
    }

    /** This format, or for {@link #AUTO} the one the file name's suffix says. */
    public InputFormat resolve(Path file) {
        if (this != AUTO) {
            return this;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv.gz")) {
            return CSV_GZ;
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return CSV;
        }
        if (name.endsWith(".fits") || name.endsWith(".fit") || name.endsWith(".fits.gz") || name.endsWith(".fts")) {
            return FITS;
        }
        if (name.endsWith(".vot") || name.endsWith(".xml") || name.endsWith(".votable") || name.endsWith(".vot.gz")) {
            return VOTABLE;
        }
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return PARQUET;
        }
        throw new IllegalArgumentException("Cannot tell the format of " + file.getFileName()
                + " from its suffix. Expected .csv, .csv.gz, .fits, .fit, .vot, .xml, .votable or .parquet, or a format in the descriptor");
    }
}
