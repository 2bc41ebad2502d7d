package org.skysieve.catalog.hats;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the partitions of a HATS catalogue from its row counts, as hats-import does.
 *
 * <p>Start from the 12 cells of order 0; a cell holding more than {@code maxRowsPerPartition} rows whose order is
 * below {@code highestOrder} is split into its four children; a cell with no rows gets no partition. A cell at
 * {@code highestOrder} is kept even when it holds more rows than the maximum (it cannot be split further).
 * Stateless and thread-safe.
 */
public final class AdaptivePartitioner {
    private AdaptivePartitioner() {
    }

    /** A partition cell and the number of rows it holds. */
    public record PartitionCount(HatsPixel pixel, long rows) {
        public PartitionCount {
            requireNonNull(pixel, "pixel is null");
            if (rows < 1) {
                throw new IllegalArgumentException("Expected a partition with rows >= 1. Actual: " + rows);
            }
        }
    }

    /**
     * The partitions, sorted by order then pixel.
     *
     * @param highestOrder the order of the counted cells, in [0, 29]
     * @param cells        NESTED indices at {@code highestOrder}, strictly increasing
     * @param counts       rows in each cell ({@code counts[i]} for {@code cells[i]}), each >= 1
     */
    public static List<PartitionCount> partition(int highestOrder, long[] cells, long[] counts, long maxRowsPerPartition) {
        requireNonNull(cells, "cells is null");
        requireNonNull(counts, "counts is null");
        if (cells.length != counts.length) {
            throw new IllegalArgumentException("Expected as many counts as cells. Actual: " + counts.length + " counts, " + cells.length + " cells");
        }
        if (maxRowsPerPartition < 1) {
            throw new IllegalArgumentException("Expected maxRowsPerPartition >= 1. Actual: " + maxRowsPerPartition);
        }
        long[] prefix = new long[cells.length + 1];
        for (int i = 0; i < cells.length; i++) {
            if (i > 0 && cells[i] <= cells[i - 1]) {
                throw new IllegalArgumentException("Expected strictly increasing cells. Actual: " + cells[i - 1] + " then " + cells[i]);
            }
            if (counts[i] < 1) {
                throw new IllegalArgumentException("Expected counts >= 1. Actual: " + counts[i] + " for cell " + cells[i]);
            }
            new HatsPixel(highestOrder, cells[i]); // validates the index
            prefix[i + 1] = prefix[i] + counts[i];
        }
        List<PartitionCount> result = new ArrayList<>();
        Splitter splitter = new Splitter(highestOrder, cells, prefix, maxRowsPerPartition, result);
        for (int base = 0; base < 12; base++) {
            splitter.visit(new HatsPixel(0, base));
        }
        result.sort((a, b) -> a.pixel().compareTo(b.pixel()));
        return List.copyOf(result);
    }

    private record Splitter(int highestOrder, long[] cells, long[] prefix, long maxRows, List<PartitionCount> result) {
        void visit(HatsPixel cell) {
            int shift = 2 * (highestOrder - cell.order());
            long first = cell.pixel() << shift;
            long last = ((cell.pixel() + 1) << shift) - 1;
            int from = lowerBound(first);
            int to = lowerBound(last + 1);
            long rows = prefix[to] - prefix[from];
            if (rows == 0) {
                return;
            }
            if (rows > maxRows && cell.order() < highestOrder) {
                for (HatsPixel child : cell.children()) {
                    visit(child);
                }
            } else {
                result.add(new PartitionCount(cell, rows));
            }
        }

        private int lowerBound(long value) {
            int index = Arrays.binarySearch(cells, value);
            return index >= 0 ? index : -index - 1;
        }
    }
}
