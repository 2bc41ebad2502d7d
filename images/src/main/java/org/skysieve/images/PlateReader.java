package org.skysieve.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsFile;
import nom.tam.util.FitsInputStream;
import org.skysieve.sky.wcs.CelestialWcs;
import org.skysieve.sky.wcs.WcsException;

/**
 * Opens plates: the primary header through nom-tam-fits (never the data), the pixels as a read-only memory map of the
 * data block (a {@code .gz} file is decompressed into memory once instead). A tile-compressed plate (an empty primary
 * HDU followed by a binary table with {@code ZIMAGE = T}, such as RICE_1) is read through {@link CompressedImage}: its
 * header gives the WCS and ZNAXISn the size, and only the tiles a cutout touches are decompressed. Static; thread-safe.
 */
public final class PlateReader {
    private PlateReader() {
    }

    /** The plate described by the file's primary header; errors name the file and the keyword. */
    public static Plate open(Path file, String survey, String band, String name) throws IOException {
        Header header;
        long dataOffset;
        try {
            if (isGzip(file)) {
                try (FitsInputStream in = new FitsInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
                    header = Header.readHeader(in);
                    dataOffset = header.getSize();
                }
            } else {
                try (FitsFile in = new FitsFile(file.toFile(), "r")) {
                    header = Header.readHeader(in);
                    dataOffset = in.getFilePointer();
                }
            }
        } catch (FitsException | IOException e) {
            throw new IOException("Could not read the FITS header of " + file + ": " + e.getMessage(), e);
        }
        if (header == null) {
            throw new IOException("Expected a FITS header in " + file + ". Actual: an empty file");
        }
        if (header.getIntValue("NAXIS", 0) == 0 && !isGzip(file)) {
            return openCompressed(file, survey, band, name);
        }
        Map<String, String> cards = FitsHeaders.cards(header);
        int axes = header.getIntValue("NAXIS", 0);
        if (axes < 2) {
            throw new IOException("Expected an image (NAXIS >= 2) in " + file + ". Actual: NAXIS = " + axes);
        }
        for (int axis = 3; axis <= axes; axis++) {
            if (header.getIntValue("NAXIS" + axis, 1) != 1) {
                throw new IOException("Expected a 2-D image (NAXIS" + axis + " = 1) in " + file + ". Actual: NAXIS"
                        + axis + " = " + header.getIntValue("NAXIS" + axis, 1));
            }
        }
        CelestialWcs wcs;
        try {
            wcs = CelestialWcs.fromCards(cards);
        } catch (WcsException e) {
            throw new WcsException(file + ": " + e.getMessage());
        }
        Long blank = header.containsKey("BLANK") ? header.getLongValue("BLANK") : null;
        Plate.PixelFormat format = new Plate.PixelFormat(header.getIntValue("BITPIX"),
                header.getDoubleValue("BSCALE", 1.0), header.getDoubleValue("BZERO", 0.0), blank, dataOffset);
        return new Plate(survey, band, name, file, wcs, header.getIntValue("NAXIS1"), header.getIntValue("NAXIS2"),
                format);
    }

    /**
     * A tile-compressed plate: the first extension after an empty primary HDU, {@code ZIMAGE = T}; errors name the file
     * and keyword.
     */
    private static Plate openCompressed(Path file, String survey, String band, String name) throws IOException {
        Header header;
        long dataOffset;
        try (FitsFile in = new FitsFile(file.toFile(), "r")) {
            Header.readHeader(in);
            header = Header.readHeader(in);
            dataOffset = in.getFilePointer();
        } catch (FitsException | IOException e) {
            throw new IOException("Could not read the FITS headers of " + file + ": " + e.getMessage(), e);
        }
        if (header == null || !header.getBooleanValue("ZIMAGE", false)) {
            throw new IOException("Expected an image in " + file + ": NAXIS >= 2 in the primary HDU, or a"
                    + " tile-compressed image (ZIMAGE = T) in the first extension. Actual: NAXIS = 0"
                    + (header == null ? " and no extension" : " and an extension without ZIMAGE = T"));
        }
        int axes = header.getIntValue("ZNAXIS", 0);
        if (axes < 2) {
            throw new IOException("Expected a tile-compressed image with ZNAXIS >= 2 in " + file + ". Actual: ZNAXIS = "
                    + axes);
        }
        for (int axis = 3; axis <= axes; axis++) {
            if (header.getIntValue("ZNAXIS" + axis, 1) != 1) {
                throw new IOException("Expected a 2-D image (ZNAXIS" + axis + " = 1) in " + file + ". Actual: ZNAXIS"
                        + axis + " = " + header.getIntValue("ZNAXIS" + axis, 1));
            }
        }
        Map<String, String> cards = FitsHeaders.cards(header);
        CelestialWcs wcs;
        try {
            wcs = CelestialWcs.fromCards(cards);
        } catch (WcsException e) {
            throw new WcsException(file + ": " + e.getMessage());
        }
        // Check the tile table now, so that a bad compressed plate fails when indexed, not at its first cutout.
        CompressedImage.open(file, cards, dataOffset);
        int zbitpix = header.getIntValue("ZBITPIX", -32);
        Plate.PixelFormat format = new Plate.PixelFormat(zbitpix == 8 || zbitpix == 16 || zbitpix == 32
                || zbitpix == -64 ? zbitpix : -32, 1.0, 0.0, null, dataOffset);
        return new Plate(survey, band, name, file, wcs, header.getIntValue("ZNAXIS1"), header.getIntValue("ZNAXIS2"),
                format);
    }

    /** Whether a plate file holds a tile-compressed image (its primary HDU is empty). */
    static boolean isTileCompressed(Plate plate) throws IOException {
        if (isGzip(plate.file())) {
            return false;
        }
        try (FitsFile in = new FitsFile(plate.file().toFile(), "r")) {
            Header primary = Header.readHeader(in);
            return primary != null && primary.getIntValue("NAXIS", 0) == 0;
        } catch (FitsException e) {
            throw new IOException("Could not read the FITS header of " + plate.file() + ": " + e.getMessage(), e);
        }
    }

    /** The plate's pixel data: a memory map of the data block, or the decompressed data of a gzip file. */
    public static PlatePixels pixels(Plate plate) throws IOException {
        if (isTileCompressed(plate)) {
            try (FitsFile in = new FitsFile(plate.file().toFile(), "r")) {
                Header.readHeader(in);
                Header header = Header.readHeader(in);
                return new PlatePixels(plate, CompressedImage.open(plate.file(), FitsHeaders.cards(header),
                        plate.format().dataOffset()));
            } catch (FitsException e) {
                throw new IOException("Could not read the FITS headers of " + plate.file() + ": " + e.getMessage(), e);
            }
        }
        long bytes = (long) plate.width() * plate.height() * plate.format().bytesPerPixel();
        if (bytes > Integer.MAX_VALUE) {
            throw new IOException("Plates of more than 2 GB are not supported yet: " + plate.file() + " holds " + bytes
                    + " bytes of pixels");
        }
        ByteBuffer data;
        if (isGzip(plate.file())) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(plate.file()))) {
                in.skipNBytes(plate.format().dataOffset());
                data = ByteBuffer.wrap(in.readNBytes((int) bytes));
            }
        } else {
            try (FileChannel channel = FileChannel.open(plate.file(), StandardOpenOption.READ)) {
                data = channel.map(FileChannel.MapMode.READ_ONLY, plate.format().dataOffset(), bytes);
            }
        }
        if (data.capacity() < bytes) {
            throw new IOException("Expected " + bytes + " bytes of pixels in " + plate.file() + ". Actual: "
                    + data.capacity());
        }
        return new PlatePixels(plate, data);
    }

    private static boolean isGzip(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }
}
