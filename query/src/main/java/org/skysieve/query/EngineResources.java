package org.skysieve.query;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the query database may use, set when the engine opens and locked with the rest of its configuration (a query
 * cannot change it).
 *
 * @param threads          DuckDB worker threads shared by all queries at once (>= 1)
 * @param memoryLimitBytes the most memory DuckDB may hold for all queries at once (>= 64 MiB); beyond it DuckDB spills
 *                         to {@code spillFolder}, or, without one, the query fails with DuckDB's out-of-memory message
 *                         (kind EXECUTION) instead of taking the server down
 * @param spillFolder      where DuckDB may write temporary files for sorts, joins and aggregates larger than memory;
 *                         empty: no spilling (DuckDB's own default would be {@code .tmp} in the working directory)
 * @param maxSpillBytes    the most those temporary files may take together (>= 0; ignored without a spill folder)
 * @param memoryTablesBytes the most memory the in-memory copies of survey tables may take together ({@link MemoryTables};
 *                         >= 0, 0 = no copies, every table read from its files); held beside {@code memoryLimitBytes},
 *                         not out of it
 */
public record EngineResources(int threads, long memoryLimitBytes, Optional<Path> spillFolder, long maxSpillBytes,
        long memoryTablesBytes) {
    private static final long MINIMUM_MEMORY_BYTES = 64L << 20;

    public EngineResources {
        if (threads < 1) {
            throw new IllegalArgumentException("Expected threads >= 1. Actual: " + threads);
        }
        if (memoryLimitBytes < MINIMUM_MEMORY_BYTES) {
            throw new IllegalArgumentException("Expected memoryLimitBytes >= " + MINIMUM_MEMORY_BYTES + ". Actual: " + memoryLimitBytes);
        }
        requireNonNull(spillFolder, "spillFolder is null");
        if (maxSpillBytes < 0) {
            throw new IllegalArgumentException("Expected maxSpillBytes >= 0. Actual: " + maxSpillBytes);
        }
        if (memoryTablesBytes < 0) {
            throw new IllegalArgumentException("Expected memoryTablesBytes >= 0. Actual: " + memoryTablesBytes);
        }
    }

    /** Without in-memory copies of survey tables. */
    public EngineResources(int threads, long memoryLimitBytes, Optional<Path> spillFolder, long maxSpillBytes) {
        this(threads, memoryLimitBytes, spillFolder, maxSpillBytes, 0);
    }

    /**
     * One thread per processor, a quarter of the machine's physical memory (the JVM's heap and the result writers
     * need the rest; DuckDB's own default is 80%), no spilling.
     */
    public static EngineResources defaults() {
        long physical = physicalMemoryBytes();
        return new EngineResources(Runtime.getRuntime().availableProcessors(), Math.max(MINIMUM_MEMORY_BYTES, physical / 4),
                Optional.empty(), 0);
    }

    /** These resources, spilling at most {@code maxBytes} into {@code folder}. */
    public EngineResources withSpill(Path folder, long maxBytes) {
        return new EngineResources(threads, memoryLimitBytes, Optional.of(requireNonNull(folder, "folder is null")), maxBytes,
                memoryTablesBytes);
    }

    /** These resources, with in-memory copies of survey tables taking at most {@code bytes} together (0: none). */
    public EngineResources withMemoryTables(long bytes) {
        return new EngineResources(threads, memoryLimitBytes, spillFolder, maxSpillBytes, bytes);
    }

    /**
     * The budget of in-memory table copies a server takes when not told: an eighth of physical memory, at most 4 GiB
     * (beside {@link #defaults()}' quarter for queries, so DuckDB holds at most 3/8 of the machine). The copies halve
     * the time of a cone search and of a bulk download (docs/tap.md).
     */
    public static long automaticMemoryTablesBytes() {
        return Math.min(physicalMemoryBytes() / 8, 4L << 30);
    }

    private static long physicalMemoryBytes() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 4L << 30;
    }
}
