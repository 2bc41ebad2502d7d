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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@link BatchFormat#NPY}: the tensor and the mask as .npy files written in bulk, then the index CSV. The SHA-256 of
 * the tensor and the mask is computed from the bytes as they are written ({@link #sha256ByName}), so that no caller
 * has to read the files back for it.
 */
final class NpySink implements StampSink {
    private final FileChannel data;
    private final FileChannel mask;
    private final Path dataFile;
    private final Path maskFile;
    private final MessageDigest dataDigest = sha256();
    private final MessageDigest maskDigest = sha256();
    private final Path indexFile;
    private ByteBuffer bytes = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    NpySink(List<Path> files, int positions, BatchSpec spec) throws IOException {
        data = FileChannel.open(files.get(0), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        mask = FileChannel.open(files.get(1), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        indexFile = files.get(2);
        dataFile = files.get(0);
        maskFile = files.get(1);
        long[] shape = {positions, spec.bands().size(), spec.heightPixels(), spec.widthPixels()};
        writeDigested(data, dataDigest, ByteBuffer.wrap(header("<f4", shape)));
        writeDigested(mask, maskDigest, ByteBuffer.wrap(header("|u1", shape)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static void writeDigested(FileChannel channel, MessageDigest digest, ByteBuffer buffer) throws IOException {
        digest.update(buffer.duplicate());
        writeAll(channel, buffer);
    }

    /** File name to the lower-case hex SHA-256 of the tensor and the mask as written; call after {@link #close}. */
    Map<String, String> sha256ByName() {
        return Map.of(dataFile.getFileName().toString(), HexFormat.of().formatHex(dataDigest.digest()),
                maskFile.getFileName().toString(), HexFormat.of().formatHex(maskDigest.digest()));
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
        writeDigested(data, dataDigest, bytes);
        writeDigested(mask, maskDigest, ByteBuffer.wrap(chunk.mask));
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
