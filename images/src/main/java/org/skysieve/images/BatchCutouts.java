package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.skysieve.sky.LonLat;

/**
 * Many stamps in several bands, written in the {@link BatchFormat} of a {@link BatchSpec}: one entry per position and
 * band, in position order, each equal bit for bit to the single cutout {@link CutoutService#cut} makes at that
 * position. A stamp outside every plate of a band is all NaN and masked, status {@code outside}; a row without a
 * position (NaN) is {@code no_position}: the batch goes on.
 *
 * <p>Work is split into chunks of consecutive rows cut by {@link BatchSpec#threads()} workers; chunks are written in
 * row order by the calling thread as they complete, at most two per worker held in memory, so output streams to disk
 * whatever N. Interrupting the calling thread stops the batch (an {@link InterruptedIOException}).
 */
public final class BatchCutouts {
    /** Bytes of pixels per chunk: large enough for bulk writes, small enough that memory stays flat. */
    private static final int CHUNK_BYTES = 4 << 20;

    private BatchCutouts() {
    }

    /**
     * Counts of what was written, and for the {@link BatchFormat#NPY} tensor and mask the lower-case hex SHA-256 of
     * each by file name, computed as the bytes were written (empty for the other formats).
     */
    public record Summary(int positions, int stamps, int outside, double seconds, List<Path> files,
            BatchIndex index, Map<String, String> sha256ByName) {
        public Summary {
            files = List.copyOf(files);
            sha256ByName = Map.copyOf(sha256ByName);
        }
    }

    /** Told how many stamps are done, from the calling thread, after each chunk. */
    public interface Progress {
        void stamps(long done, long total);

        static Progress none() {
            return (done, total) -> { };
        }
    }

    /** The former entry point: native pixels, .npy files, every available processor. */
    public static Summary write(CutoutService service, String survey, List<String> bands, List<LonLat> positions,
            int sidePixels, Path npy) throws IOException {
        double[] ra = positions.stream().mapToDouble(LonLat::lonDeg).toArray();
        double[] dec = positions.stream().mapToDouble(LonLat::latDeg).toArray();
        return write(service, BatchSpec.npy(survey, bands, sidePixels), ra, dec, Optional.empty(), npy,
                Progress.none());
    }

    /**
     * Cuts and writes. {@code raDeg}/{@code decDeg}: one position per row (NaN: no position; otherwise finite and
     * {@code dec} in [-90, 90], or a BAD_REQUEST naming the row); {@code ids}: optional labels per row for the index;
     * {@code out}: {@code OUT.npy}, {@code OUT.fits} or {@code OUT.zip} (see {@link BatchFormat}).
     */
    public static Summary write(CutoutService service, BatchSpec spec, double[] raDeg, double[] decDeg,
            Optional<List<String>> ids, Path out, Progress progress) throws IOException {
        requireNonNull(out, "out is null");
        requireNonNull(progress, "progress is null");
        if (raDeg.length != decDeg.length || ids.map(List::size).orElse(raDeg.length) != raDeg.length) {
            throw new IllegalArgumentException("Expected as many ra, dec (and ids) as positions. Actual: "
                    + raDeg.length + ", " + decDeg.length + ", " + ids.map(List::size).orElse(raDeg.length));
        }
        for (String band : spec.bands()) {
            service.checkBand(spec.survey(), band);
        }
        LonLat[] centres = centres(raDeg, decDeg);
        long started = System.nanoTime();
        int bandCount = spec.bands().size();
        int stampPixels = spec.stampPixels();
        BatchIndex index = new BatchIndex(raDeg, decDeg, ids, spec.bands(), spec.grid().isEmpty());
        int rowsPerChunk = (int) Math.max(1, Math.min(4096, CHUNK_BYTES / (4L * bandCount * stampPixels)));
        long total = (long) raDeg.length * bandCount;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(spec.threads(), runnable -> {
            Thread thread = new Thread(runnable, "cutout-batch");
            thread.setDaemon(true);
            return thread;
        });
        ThreadLocal<float[]> stampBuffer = ThreadLocal.withInitial(() -> new float[stampPixels]);
        ThreadLocal<byte[]> maskBuffer = ThreadLocal.withInitial(() -> new byte[stampPixels]);
        StampSink opened = sink(spec, raDeg.length, out);
        try (StampSink sink = opened) {
            ArrayDeque<Future<StampChunk>> window = new ArrayDeque<>();
            for (int first = 0; first < raDeg.length; first += rowsPerChunk) {
                int firstRow = first;
                int rows = Math.min(rowsPerChunk, raDeg.length - first);
                window.add(pool.submit(() -> cutChunk(service, spec, centres, firstRow, rows, index,
                        stampBuffer.get(), maskBuffer.get())));
                if (window.size() >= 2 * spec.threads()) {
                    drain(window.poll(), sink, done, total, bandCount, progress);
                }
            }
            while (!window.isEmpty()) {
                drain(window.poll(), sink, done, total, bandCount, progress);
            }
            sink.finish(index);
        } finally {
            pool.shutdownNow();
        }
        int outside = index.count(StampStatus.OUTSIDE) + index.count(StampStatus.NO_POSITION);
        Map<String, String> sha256 = opened instanceof NpySink npy ? npy.sha256ByName() : Map.of();
        return new Summary(raDeg.length, (int) total, outside, (System.nanoTime() - started) / 1e9,
                files(spec.format(), out), index, sha256);
    }

    /** The files a batch writes to {@code out}. */
    public static List<Path> files(BatchFormat format, Path out) {
        if (format != BatchFormat.NPY) {
            return List.of(out);
        }
        String base = out.getFileName().toString().replaceFirst("\\.npy$", "");
        return List.of(out, out.resolveSibling(base + ".mask.npy"), out.resolveSibling(base + ".index.csv"));
    }

    private static StampSink sink(BatchSpec spec, int positions, Path out) throws IOException {
        return switch (spec.format()) {
            case NPY -> new NpySink(files(BatchFormat.NPY, out), positions, spec);
            case FITS -> new FitsCubeSink(out, positions, spec);
            case PNG -> new PngZipSink(out, spec);
        };
    }

    private static void drain(Future<StampChunk> future, StampSink sink, AtomicLong done, long total, int bandCount,
            Progress progress) throws IOException {
        StampChunk chunk;
        try {
            chunk = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The cutout batch was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
        sink.accept(chunk);
        progress.stamps(done.addAndGet((long) chunk.rows * bandCount), total);
    }

    private static StampChunk cutChunk(CutoutService service, BatchSpec spec, LonLat[] centres, int firstRow, int rows,
            BatchIndex index, float[] stamp, byte[] noPlate) throws IOException {
        int bandCount = spec.bands().size();
        int stampPixels = spec.stampPixels();
        StampChunk chunk = new StampChunk(firstRow, rows, bandCount, stampPixels, spec.format() == BatchFormat.PNG);
        CommonGrid grid = spec.grid().orElse(null);
        for (int row = 0; row < rows; row++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("The cutout batch was interrupted");
            }
            LonLat centre = centres[firstRow + row];
            for (int band = 0; band < bandCount; band++) {
                int at = (firstRow + row) * bandCount + band;
                int offset = (row * bandCount + band) * stampPixels;
                Cutout cutout = null;
                if (centre != null) {
                    try {
                        cutout = service.cutInto(spec.survey(), spec.bands().get(band), centre, spec.widthPixels(),
                                spec.heightPixels(), grid, stamp, noPlate);
                    } catch (CutoutException e) {
                        if (e.reason() != CutoutException.Reason.NOT_FOUND) {
                            throw e;
                        }
                    }
                }
                if (cutout == null) {
                    Arrays.fill(chunk.pixels, offset, offset + stampPixels, Float.NaN);
                    Arrays.fill(chunk.mask, offset, offset + stampPixels, (byte) 1);
                    index.status[at] = centre == null ? StampStatus.NO_POSITION : StampStatus.OUTSIDE;
                    index.blank[at] = stampPixels;
                } else {
                    System.arraycopy(stamp, 0, chunk.pixels, offset, stampPixels);
                    if (cutout.blankCount() > 0) {
                        System.arraycopy(noPlate, 0, chunk.mask, offset, stampPixels);
                    }
                    index.status[at] = cutout.blankCount() > 0 ? StampStatus.PARTIAL : StampStatus.OK;
                    index.plate[at] = cutout.primary().name();
                    index.blank[at] = cutout.blankCount();
                    index.firstX[at] = cutout.firstX();
                    index.firstY[at] = cutout.firstY();
                }
                if (chunk.png != null) {
                    chunk.png[row * bandCount + band] = PngImages.grey(spec.stretch().toGrey(
                            Arrays.copyOfRange(chunk.pixels, offset, offset + stampPixels), stampPixels),
                            spec.widthPixels(), spec.heightPixels());
                }
            }
        }
        return chunk;
    }

    private static LonLat[] centres(double[] raDeg, double[] decDeg) {
        LonLat[] centres = new LonLat[raDeg.length];
        for (int row = 0; row < raDeg.length; row++) {
            if (Double.isNaN(raDeg[row]) || Double.isNaN(decDeg[row])) {
                continue;
            }
            if (!Double.isFinite(raDeg[row]) || !(decDeg[row] >= -90 && decDeg[row] <= 90)) {
                throw new CutoutException(CutoutException.Reason.BAD_REQUEST, "Expected a position on the sky (ra"
                        + " finite, dec in [-90, 90] degrees) in row " + (row + 1) + ". Actual: (" + raDeg[row] + ", "
                        + decDeg[row] + ")");
            }
            centres[row] = LonLat.ofDegrees(raDeg[row], decDeg[row]);
        }
        return centres;
    }
}
