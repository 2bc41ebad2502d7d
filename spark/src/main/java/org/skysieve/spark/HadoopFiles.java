package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files through Hadoop's file systems (local disk, HDFS, S3 through s3a://, ...), as Spark itself reads them: the
 * catalogues may live anywhere Spark can read. Holds the Hadoop configuration in a serialisable form, so that tasks on
 * executors open files with the driver's settings. Immutable; safe to share between threads (each call opens its own
 * streams).
 */
public final class HadoopFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] configuration;
    private transient Configuration cached;

    public HadoopFiles(Configuration configuration) {
        requireNonNull(configuration, "configuration is null");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            configuration.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialise the Hadoop configuration", e);
        }
        this.configuration = bytes.toByteArray();
        this.cached = configuration;
    }

    /** The Hadoop configuration (rebuilt once per JVM after deserialisation). */
    public synchronized Configuration configuration() {
        if (cached == null) {
            Configuration restored = new Configuration(false);
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(configuration))) {
                restored.readFields(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not restore the Hadoop configuration", e);
            }
            cached = restored;
        }
        return cached;
    }

    public FileSystem fileSystem(Path path) {
        try {
            return path.getFileSystem(configuration());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the file system of " + path + ": " + e.getMessage(), e);
        }
    }

    public boolean exists(Path path) {
        try {
            return fileSystem(path).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for " + path + ": " + e.getMessage(), e);
        }
    }

    public byte[] readBytes(Path path) {
        try (InputStream in = fileSystem(path).open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public String readText(Path path) {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }

    public void writeText(Path path, String text) {
        try (OutputStream out = fileSystem(path).create(path, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
