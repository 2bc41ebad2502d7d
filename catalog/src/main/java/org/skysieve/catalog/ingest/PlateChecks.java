package org.skysieve.catalog.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.Cursor;
import nom.tam.util.FitsInputStream;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.CelestialFrame;
import org.skysieve.sky.wcs.CelestialWcs;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.sky.wcs.WcsException;

/**
 * Checks an image plate a descriptor declares before anything is published: a readable FITS file (.fits, or
 * .fits.gz) holding a 2-D image in its primary HDU (extra axes of length 1 allowed), or a tile-compressed image
 * ({@code ZIMAGE = T}) in the extension after an empty primary HDU; a celestial WCS that skysieve can compute
 * (see {@code sky.wcs.WcsHeaderParser}: TAN with SIP or TPV, SIN, ARC, ZEA, CAR, SFL, AIT); equatorial axes in ICRS or
 * FK5 J2000 (the archive's positions are ICRS; cutouts do not convert frames). Errors are {@link IngestException}s
 * naming the file and the keyword. Stateless.
 */
final class PlateChecks {
    private PlateChecks() {
    }

    /**
     * What the plate index needs to know of a checked plate.
     *
     * @param band      the band
     * @param file      the plate file (as given)
     * @param width     pixels along the first axis
     * @param height    pixels along the second axis
     * @param centre    the sky position of the plate's centre pixel
     * @param radiusDeg the largest distance from the centre to a corner, degrees
     * @param projection the celestial CTYPE pair and distortion, for the record
     */
    record CheckedPlate(String band, Path file, int width, int height, LonLat centre, double radiusDeg,
            String projection) {
    }

    static CheckedPlate check(String band, Path file) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".fits") && !fileName.endsWith(".fits.gz")) {
            throw IngestException.inFile(file, "Expected an image plate file named *.fits or *.fits.gz (the names the"
                    + " plate index reads; a tile-compressed plate is a .fits file). Actual: '" + fileName + "'", null);
        }
        Header header = readHeader(file, false);
        boolean compressed = false;
        if (header.getIntValue("NAXIS", 0) == 0) {
            Header extension = readHeader(file, true);
            if (extension == null || !extension.getBooleanValue("ZIMAGE", false)) {
                throw IngestException.inFile(file, "Expected an image plate: NAXIS >= 2 in the primary HDU, or a"
                        + " tile-compressed image (ZIMAGE = T) in the first extension. Actual: NAXIS = 0 and "
                        + (extension == null ? "no extension" : "a first extension without ZIMAGE = T (a table?)"),
                        null);
            }
            header = extension;
            compressed = true;
        }
        String prefix = compressed ? "ZNAXIS" : "NAXIS";
        int axes = header.getIntValue(prefix, 0);
        if (axes < 2) {
            throw IngestException.inFile(file, "Expected an image plate with " + prefix + " >= 2. Actual: " + prefix
                    + " = " + axes, null);
        }
        for (int axis = 3; axis <= axes; axis++) {
            if (header.getIntValue(prefix + axis, 1) != 1) {
                throw IngestException.inFile(file, "Expected a 2-D image plate (" + prefix + axis + " = 1; cubes are not"
                        + " plates). Actual: " + prefix + axis + " = " + header.getIntValue(prefix + axis, 1), null);
            }
        }
        int width = header.getIntValue(prefix + "1", 0);
        int height = header.getIntValue(prefix + "2", 0);
        if (width < 1 || height < 1) {
            throw IngestException.inFile(file, "Expected " + prefix + "1 and " + prefix + "2 >= 1. Actual: " + width
                    + " x " + height, null);
        }
        CelestialWcs wcs;
        try {
            wcs = CelestialWcs.fromCards(cards(header));
        } catch (WcsException e) {
            throw IngestException.inFile(file, "Expected a celestial WCS in the plate's header: " + e.getMessage(), e);
        }
        if (wcs.frame() != CelestialFrame.ICRS && !(wcs.frame() == CelestialFrame.FK5
                && Math.abs(header.getDoubleValue("EQUINOX", 2000.0) - 2000.0) < 1e-9)) {
            throw IngestException.inFile(file, "Expected equatorial axes (RA/DEC) in ICRS or FK5 J2000, as the"
                    + " archive's positions (cutouts do not convert frames). Actual: CTYPE1 = '"
                    + header.getStringValue("CTYPE1") + "', frame " + wcs.frame() + (header.containsKey("EQUINOX")
                            ? ", EQUINOX = " + header.getDoubleValue("EQUINOX") : ""), null);
        }
        LonLat centre = wcs.pixelToWorld(new PixelPosition((width + 1) / 2.0, (height + 1) / 2.0)).orElseThrow(
                () -> IngestException.inFile(file, "Expected the centre pixel of the plate to be on the sky. Actual:"
                        + " outside the projection's domain (check CRPIX, CRVAL and the CD matrix)", null));
        double radiusRad = 0.0;
        for (double[] corner : new double[][] {{0.5, 0.5}, {width + 0.5, 0.5}, {0.5, height + 0.5},
                {width + 0.5, height + 0.5}}) {
            LonLat world = wcs.pixelToWorld(new PixelPosition(corner[0], corner[1])).orElse(null);
            radiusRad = world == null ? Math.PI : Math.max(radiusRad, centre.distanceRad(world));
        }
        return new CheckedPlate(band, file, width, height, centre, Math.toDegrees(radiusRad),
                header.getStringValue("CTYPE1") + " " + header.getStringValue("CTYPE2")
                        + wcs.distortion().map(name -> " (" + name + ")").orElse(""));
    }

    /** The primary header, or (extension true) the first extension's header (null when there is none). */
    private static Header readHeader(Path file, boolean extension) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                        ? new GZIPInputStream(raw) : raw;
                FitsInputStream fits = new FitsInputStream(in)) {
            Header primary = Header.readHeader(fits);
            if (primary == null) {
                throw IngestException.inFile(file, "Expected a FITS file. Actual: an empty file", null);
            }
            if (!extension) {
                return primary;
            }
            fits.skipAllBytes(primary.getDataSize());
            return Header.readHeader(fits);
        } catch (FitsException | IOException e) {
            if (extension && e instanceof java.io.EOFException) {
                return null;
            }
            throw IngestException.inFile(file, "Expected a FITS file: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> cards(Header header) {
        Map<String, String> cards = new LinkedHashMap<>();
        for (Cursor<String, HeaderCard> cursor = header.iterator(); cursor.hasNext();) {
            HeaderCard card = cursor.next();
            String key = card.getKey();
            if (key == null || key.isBlank() || !card.isKeyValuePair() || cards.containsKey(key)) {
                continue;
            }
            String value = card.getValue();
            cards.put(key, value == null ? "" : value.trim());
        }
        return cards;
    }
}
