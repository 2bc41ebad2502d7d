package org.skysieve.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** {@link BatchFormat#NPY}: the tensor and the mask as .npy files written in bulk, then the index CSV. */
final class NpySink implements StampSink {
    private final FileChannel data;
    private final FileChannel mask;
    private final Path indexFile;
    private ByteBuffer bytes = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    NpySink(List<Path> files, int positions, BatchSpec spec) throws IOException {
        data = FileChannel.open(files.get(0), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        mask = FileChannel.open(files.get(1), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        indexFile = files.get(2);
        long[] shape = {positions, spec.bands().size(), spec.heightPixels(), spec.widthPixels()};
        writeAll(data, ByteBuffer.wrap(header("<f4", shape)));
        writeAll(mask, ByteBuffer.wrap(header("|u1", shape)));
    }

    private static byte[] header(String descr, long[] shape) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.header(out, descr, shape);
        return out.toByteArray();
    }

    @Override
    public void accept(StampChunk chunk) throws IOException {
        int needed = chunk.pixels.length * 4;
        if (bytes.capacity() < needed) {
            bytes = ByteBuffer.allocateDirect(needed).order(ByteOrder.LITTLE_ENDIAN);
        }
        bytes.clear();
        bytes.asFloatBuffer().put(chunk.pixels);
        bytes.limit(needed);
        writeAll(data, bytes);
        writeAll(mask, ByteBuffer.wrap(chunk.mask));
    }

    @Override
    public void finish(BatchIndex index) throws IOException {
        try (Writer out = Files.newBufferedWriter(indexFile, StandardCharsets.UTF_8)) {
            index.writeCsv(out);
        }
    }

    static void writeAll(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    static void writeAll(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    @Override
    public void close() throws IOException {
        try (data; mask) {
            // closes both
        }
    }
}
