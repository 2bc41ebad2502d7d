package org.skysieve.images;

import java.io.IOException;

/** Where a batch's chunks go, in row order, from one thread: the format's files. */
interface StampSink extends AutoCloseable {
    void accept(StampChunk chunk) throws IOException;

    /** Called once every chunk is in: writes the index and whatever ends the files. */
    void finish(BatchIndex index) throws IOException;

    @Override
    void close() throws IOException;
}
