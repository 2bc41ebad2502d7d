package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.skysieve.catalog.hats.HatsPartition;
import org.skysieve.catalog.hats.HatsPixel;

/**
 * Writes a DataFrame whose Spark partition {@code i} holds the rows of HEALPix cell {@code pieces.get(i)}, sorted by
 * {@code _healpix_29}, as a HATS catalogue: {@code hats.properties}, {@code partition_info.csv} and
 * {@code dataset/Norder=k/Dir=d/Npix=n.parquet}. Spark writes each task's file (no shuffle); the files are then moved
 * into the HATS layout and the catalogue folder appears at its path only when complete (built beside it, then renamed).
 * Pieces without rows get no partition. Stateless.
 */
final class HatsOutput {
    private static final Pattern PART_FILE = Pattern.compile("part-(\\d+)-.*\\.parquet");
    private static final DateTimeFormatter CREATION_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'UTC'");

    private HatsOutput() {
    }

    /**
     * @param extraProperties more keys for {@code hats.properties} (provenance of the job)
     * @return the number of rows written
     */
    static long write(HadoopFiles hadoop, Dataset<Row> rows, List<HatsPixel> pieces, String output, String raColumn, String decColumn,
            Map<String, String> extraProperties) {
        requireNonNull(rows, "rows is null");
        Path out = new Path(output);
        if (hadoop.exists(out)) {
            throw new IllegalArgumentException("Expected a new output folder. Actual: " + output + " exists");
        }
        FileSystem fileSystem = hadoop.fileSystem(out);
        Path building = new Path(out.getParent(), "." + out.getName() + ".building");
        Path staging = new Path(building, "staging");
        try {
            fileSystem.delete(building, true);
            rows.write().parquet(staging.toString());
            Map<HatsPixel, Long> counts = new TreeMap<>();
            for (FileStatus status : fileSystem.listStatus(staging)) {
                Matcher part = PART_FILE.matcher(status.getPath().getName());
                if (!part.matches()) {
                    continue;
                }
                HatsPixel pixel = pieces.get(Integer.parseInt(part.group(1)));
                long rowCount = rowCount(hadoop, status.getPath());
                if (rowCount == 0) {
                    continue;
                }
                if (counts.containsKey(pixel)) {
                    throw new IllegalStateException("Expected one file per partition from Spark. Actual: two for " + pixel);
                }
                Path target = new Path(new Path(building, "dataset"), HatsPartition.relativePath(pixel, ".parquet"));
                fileSystem.mkdirs(target.getParent());
                if (!fileSystem.rename(status.getPath(), target)) {
                    throw new IOException("Could not move " + status.getPath() + " to " + target);
                }
                counts.put(pixel, rowCount);
            }
            fileSystem.delete(staging, true);
            StringBuilder info = new StringBuilder("Norder,Npix\n");
            counts.keySet().forEach(pixel -> info.append(pixel.order()).append(',').append(pixel.pixel()).append('\n'));
            hadoop.writeText(new Path(building, "partition_info.csv"), info.toString());
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            hadoop.writeText(new Path(building, "hats.properties"), properties(out.getName(), total, counts, raColumn, decColumn, extraProperties));
            if (!fileSystem.rename(building, out)) {
                throw new IOException("Could not move " + building + " to " + out);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the HATS catalogue " + output + ": " + e.getMessage(), e);
        }
    }

    private static long rowCount(HadoopFiles hadoop, Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, hadoop.configuration()))) {
            return reader.getRecordCount();
        }
    }

    private static String properties(String name, long rows, Map<HatsPixel, Long> counts, String raColumn, String decColumn,
            Map<String, String> extra) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("obs_collection", name);
        values.put("dataproduct_type", "object");
        values.put("hats_nrows", Long.toString(rows));
        if (!raColumn.isEmpty()) {
            values.put("hats_col_ra", raColumn);
            values.put("hats_col_dec", decColumn);
        }
        values.put("hats_col_healpix", "_healpix_29");
        values.put("hats_col_healpix_order", "29");
        values.put("hats_npix_suffix", ".parquet");
        values.put("hats_builder", "skysieve-spark");
        values.put("hats_creation_date", CREATION_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        values.put("hats_version", "v1.0");
        values.put("hats_order", Integer.toString(counts.keySet().stream().mapToInt(HatsPixel::order).max().orElse(0)));
        double fraction = counts.keySet().stream().mapToDouble(HatsPixel::skyFraction).sum();
        values.put("moc_sky_fraction", fraction == 0 ? "0" : new BigDecimal(fraction).round(new MathContext(5)).stripTrailingZeros().toPlainString());
        values.putAll(extra);
        StringBuilder text = new StringBuilder("#HATS catalog\n");
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }
}
