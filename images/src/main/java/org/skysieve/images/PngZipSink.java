package org.skysieve.images;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@link BatchFormat#PNG}: a ZIP of one PNG per position and band, {@code ROW_BAND.png} (row zero-padded to 6 digits),
 * then {@code index.csv}. PNGs are already compressed: entries are stored at deflate level 0. Entry times are fixed,
 * so that the same batch gives the same bytes.
 */
final class PngZipSink implements StampSink {
    /** 2000-01-01T00:00:00Z: ZIP entry times are fixed. */
    static final long FIXED_TIME_MILLIS = 946_684_800_000L;
    private final ZipOutputStream zip;
    private final BatchSpec spec;

    PngZipSink(Path out, BatchSpec spec) throws IOException {
        this.spec = spec;
        zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16));
        zip.setLevel(Deflater.NO_COMPRESSION);
    }

    static String entryName(int row, String band) {
        return String.format(Locale.ROOT, "%06d_%s.png", row, band);
    }

    @Override
    public void accept(StampChunk chunk) throws IOException {
        int bandCount = spec.bands().size();
        for (int row = 0; row < chunk.rows; row++) {
            for (int band = 0; band < bandCount; band++) {
                zip.putNextEntry(entry(entryName(chunk.firstRow + row, spec.bands().get(band))));
                zip.write(chunk.png[row * bandCount + band]);
                zip.closeEntry();
            }
        }
    }

    @Override
    public void finish(BatchIndex index) throws IOException {
        zip.putNextEntry(entry("index.csv"));
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        index.writeCsv(writer);
        writer.flush();
        zip.closeEntry();
        zip.finish();
    }

    /** An entry with a fixed time, so that the same batch gives the same bytes. */
    static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME_MILLIS);
        return entry;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
