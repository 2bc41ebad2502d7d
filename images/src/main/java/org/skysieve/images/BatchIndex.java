package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The index of a batch: per position its input row, ids and coordinates, and per band the stamp's status, the primary
 * plate, the count of pixels off every plate and (native pixels) the 0-based plate pixel of the stamp's first pixel,
 * from which its WCS follows (the plate's with CRPIX shifted by it). Arrays are indexed {@code row * bands + band}; they
 * are filled by the batch while it runs and read once it is done.
 */
public final class BatchIndex {
    private final double[] raDeg;
    private final double[] decDeg;
    private final Optional<List<String>> ids;
    private final List<String> bands;
    final StampStatus[] status;
    final String[] plate;
    final int[] blank;
    final long[] firstX;
    final long[] firstY;
    private final boolean nativePixels;

    BatchIndex(double[] raDeg, double[] decDeg, Optional<List<String>> ids, List<String> bands, boolean nativePixels) {
        this.nativePixels = nativePixels;
        this.raDeg = requireNonNull(raDeg, "raDeg is null");
        this.decDeg = requireNonNull(decDeg, "decDeg is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.bands = List.copyOf(bands);
        int stamps = raDeg.length * bands.size();
        status = new StampStatus[stamps];
        plate = new String[stamps];
        blank = new int[stamps];
        firstX = new long[stamps];
        firstY = new long[stamps];
    }

    public int positions() {
        return raDeg.length;
    }

    public List<String> bands() {
        return bands;
    }

    public double raDeg(int row) {
        return raDeg[row];
    }

    public double decDeg(int row) {
        return decDeg[row];
    }

    public Optional<String> id(int row) {
        return ids.map(list -> list.get(row));
    }

    public StampStatus status(int row, int band) {
        return status[row * bands.size() + band];
    }

    public String plate(int row, int band) {
        return plate[row * bands.size() + band];
    }

    public int blank(int row, int band) {
        return blank[row * bands.size() + band];
    }

    /** Stamps of a status. */
    public int count(StampStatus wanted) {
        int count = 0;
        for (StampStatus each : status) {
            count += each == wanted ? 1 : 0;
        }
        return count;
    }

    /** The CSV form: {@code row[,id],ra,dec}, then per band status_B, plate_B, blank_B, first_x_B, first_y_B. */
    public void writeCsv(Writer out) throws IOException {
        StringBuilder line = new StringBuilder("row");
        ids.ifPresent(list -> line.append(",id"));
        line.append(",ra,dec");
        for (String band : bands) {
            line.append(",status_").append(band).append(",plate_").append(band).append(",blank_").append(band)
                    .append(",first_x_").append(band).append(",first_y_").append(band);
        }
        out.write(line.append('\n').toString());
        for (int row = 0; row < positions(); row++) {
            line.setLength(0);
            line.append(row);
            if (ids.isPresent()) {
                line.append(',').append(csv(ids.get().get(row)));
            }
            line.append(',').append(number(raDeg[row])).append(',').append(number(decDeg[row]));
            for (int band = 0; band < bands.size(); band++) {
                int at = row * bands.size() + band;
                boolean placed = plate[at] != null && nativePixels;
                line.append(',').append(status[at].word()).append(',').append(plate[at] == null ? "" : plate[at])
                        .append(',').append(blank[at]).append(',').append(placed ? Long.toString(firstX[at]) : "")
                        .append(',').append(placed ? Long.toString(firstY[at]) : "");
            }
            out.write(line.append('\n').toString());
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.10f", value);
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
