package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.hats.HatsPartition;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.sky.healpix.HealpixRanges;

/**
 * A HATS catalogue read partition by partition through DuckDB: only the partitions overlapping the asked ranges are
 * opened, the ranges are pushed down as {@code BETWEEN}s on the HEALPix index (at most 64, widened when more), and
 * the exact selection is made in SQL against the exclusion range. Owns one DuckDB connection: close it.
 */
public final class HatsSide implements MatchSide, AutoCloseable {
    private static final int MAX_SQL_RANGES = 64;
    private final HatsCatalog catalog;
    private final String label;
    private final Connection connection;

    public HatsSide(HatsCatalog catalog, String label) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.label = requireNonNull(label, "label is null");
        try {
            this.connection = DuckDbConnections.openInMemory();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open DuckDB: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return label;
    }

    @Override
    public List<HatsPixel> partitions() {
        return catalog.partitions().stream().map(HatsPartition::pixel).toList();
    }

    @Override
    public List<String> columnNames() {
        return catalog.table().columns().stream().map(ColumnDoc::name).toList();
    }

    @Override
    public LoadedTable rowsIn(HealpixRanges include, HealpixRanges exclude, List<String> columns) {
        List<HatsPartition> selected = new ArrayList<>();
        for (HatsPartition partition : catalog.partitions()) {
            HatsPixel pixel = partition.pixel();
            if (include.intersectsCell(pixel.order(), pixel.pixel()) && !exclude.containsCell(pixel.order(), pixel.pixel())) {
                selected.add(partition);
            }
        }
        if (selected.isEmpty()) {
            return emptyTable(columns);
        }
        String index = quote(catalog.healpixColumn());
        long[] bounds = MarginRanges.coarsened(include, MAX_SQL_RANGES);
        StringBuilder where = new StringBuilder("(");
        for (int i = 0; i < bounds.length; i += 2) {
            where.append(i == 0 ? "" : " OR ").append(index).append(" BETWEEN ").append(bounds[i]).append(" AND ").append(bounds[i + 1] - 1);
        }
        where.append(')');
        long[] excluded = exclude.toArray();
        for (int i = 0; i < excluded.length; i += 2) {
            where.append(" AND NOT (").append(index).append(" BETWEEN ").append(excluded[i]).append(" AND ").append(excluded[i + 1] - 1).append(')');
        }
        String select = columns.stream().map(HatsSide::quote).collect(Collectors.joining(", "));
        String sql = "SELECT " + select + ", " + index + " AS skysieve_index FROM read_parquet(" + HatsCatalog.duckDbFileList(selected)
                + ", hive_partitioning = false) WHERE " + where + " ORDER BY " + index;
        try {
            LoadedTable read = TableReader.readSql(connection, label, sql);
            // the pushed-down ranges may have been widened: the exact selection is made here
            long[] hashes = ((Column.LongColumn) read.columns().get(columns.size())).values();
            int[] rows = new int[hashes.length];
            int n = 0;
            for (int i = 0; i < hashes.length; i++) {
                if (include.contains(hashes[i])) {
                    rows[n++] = i;
                }
            }
            List<Column> kept = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                kept.add(Columns.subset(read.columns().get(c), rows, n));
            }
            return new LoadedTable(label, kept);
        } catch (SQLException e) {
            throw new IllegalArgumentException("Could not read " + label + " (" + catalog.directory() + "): " + e.getMessage(), e);
        }
    }

    private LoadedTable emptyTable(List<String> columns) {
        String select = columns.stream().map(HatsSide::quote).collect(Collectors.joining(", "));
        String sql = "SELECT " + select + " FROM read_parquet(" + catalog.duckDbFileList() + ", hive_partitioning = false) LIMIT 0";
        try {
            return TableReader.readSql(connection, label, sql);
        } catch (SQLException e) {
            throw new IllegalArgumentException("Could not read " + label + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close DuckDB: " + e.getMessage(), e);
        }
    }
}
