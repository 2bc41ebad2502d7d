package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skysieve.sky.wcs.CelestialWcs;

/**
 * A cutout: native pixels of its primary plate, row-major from FITS y = 1, NaN where no plate has data.
 *
 * @param pixels      width x height values
 * @param width       columns
 * @param height      rows
 * @param wcs         the WCS of the cutout's pixel grid (the primary plate's, CRPIX shifted)
 * @param primary     the plate whose pixel grid the cutout uses
 * @param plates      every plate that gave pixels (the primary first)
 * @param firstX      0-based column of the primary plate where the cutout starts (may be negative)
 * @param firstY      0-based row of the primary plate where the cutout starts (may be negative)
 * @param blankCount  pixels left NaN because no plate covers them (NaN pixels inside plates are not counted)
 */
public record Cutout(float[] pixels, int width, int height, CelestialWcs wcs, Plate primary, List<Plate> plates,
        long firstX, long firstY, int blankCount) {
    public Cutout {
        requireNonNull(pixels, "pixels is null");
        requireNonNull(wcs, "wcs is null");
        requireNonNull(primary, "primary is null");
        plates = List.copyOf(plates);
    }

    /** The FITS file: the cutout with its WCS and provenance cards. */
    public byte[] toFits() {
        Map<String, String> cards = new LinkedHashMap<>(wcs.toCards());
        cards.put("SURVEY", "'" + primary.survey() + "'");
        cards.put("BAND", "'" + primary.band() + "'");
        cards.put("PLATE", "'" + primary.name() + "'");
        cards.put("LTV1", Long.toString(-firstX));
        cards.put("LTV2", Long.toString(-firstY));
        cards.put("NPLATES", Integer.toString(plates.size()));
        cards.put("NBLANK", Integer.toString(blankCount));
        return FitsImageWriter.toBytes(pixels, width, height, cards);
    }
}
