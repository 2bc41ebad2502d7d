package org.skysieve.formats;

import shaded.parquet.org.apache.thrift.TBase;
import shaded.parquet.org.apache.thrift.TConfiguration;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.transport.TMemoryBuffer;

/** Parquet's thrift structures (page headers, the footer) in the compact protocol, to bytes. Stateless, thread-safe. */
final class ParquetThrift {
    private static final int MAX_BYTES = 1 << 30;

    private ParquetThrift() {
    }

    static byte[] encode(TBase<?, ?> structure) {
        try {
            TConfiguration configuration = new TConfiguration(MAX_BYTES, MAX_BYTES, TConfiguration.DEFAULT_RECURSION_DEPTH);
            TMemoryBuffer buffer = new TMemoryBuffer(configuration, 64);
            structure.write(new TCompactProtocol(buffer));
            return java.util.Arrays.copyOf(buffer.getArray(), buffer.length());
        } catch (TException e) {
            throw new IllegalStateException("Cannot encode a Parquet " + structure.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
