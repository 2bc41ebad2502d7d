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
 * data block (a {@code .gz} file is decompressed into memory once instead). Static; thread-safe.
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

    /** The plate's pixel data: a memory map of the data block, or the decompressed data of a gzip file. */
    public static PlatePixels pixels(Plate plate) throws IOException {
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
