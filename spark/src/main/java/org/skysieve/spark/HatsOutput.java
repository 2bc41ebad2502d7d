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
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.skysieve.catalog.hats.HatsColumnMetadata;
import org.skysieve.catalog.hats.HatsMetadataFiles;
import org.skysieve.catalog.hats.HatsPartition;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.catalog.hats.HatsProperties;
import org.skysieve.catalog.hats.HatsWriteOptions;
import org.skysieve.catalog.hats.ParquetFooters;
import org.skysieve.catalog.hats.SkymapFits;
import org.skysieve.catalog.model.CatalogTable;

/**
 * Writes a DataFrame whose Spark partition {@code i} holds the rows of HEALPix cell {@code pieces.get(i)}, sorted by
 * {@code _healpix_29}, as a HATS catalogue with the files of the single-machine writer
 * ({@link org.skysieve.catalog.hats.HatsCatalogWriter}): {@code hats.properties} (and {@code properties}),
 * {@code partition_info.csv}, {@code skymap.fits}, {@code dataset/_common_metadata}, {@code dataset/_metadata} and
 * {@code dataset/Norder=k/Dir=d/Npix=n.parquet}. Every Parquet file carries the columns' documentation (taken from
 * the DataFrame's column metadata, {@link ColumnMetadata}) in its key/value metadata as that writer puts it
 * ({@link HatsColumnMetadata#keyValues}).
 *
 * <p>Spark writes each task's file (no shuffle); Spark's Parquet writer cannot add key/value metadata, so tasks then
 * copy each file into the HATS layout with the documented footer (data pages unchanged: one more pass over the
 * output, in parallel). The catalogue folder appears at its path only when complete (built beside it, then renamed).
 * Pieces without rows get no partition. Stateless.
 */
final class HatsOutput {
    private static final Pattern PART_FILE = Pattern.compile("part-(\\d+)-.*\\.parquet");
    private static final String HEALPIX_COLUMN = "_healpix_29";
    private static final int SKYMAP_ORDER = HatsWriteOptions.defaults().skymapOrder();
    private static final DateTimeFormatter CREATION_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'UTC'");

    private HatsOutput() {
    }

    /**
     * @param extraProperties more keys for {@code hats.properties} (provenance of the job; {@code skysieve_survey}
     *                        also names the survey in the files' metadata, else the output folder's name does)
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
        Path dataset = new Path(building, "dataset");
        String tableName = extraProperties.getOrDefault("obs_collection", out.getName());
        CatalogTable table = ColumnMetadata.table(rows.schema(), tableName, raColumn, decColumn, HEALPIX_COLUMN);
        Map<String, String> keyValues = HatsColumnMetadata.keyValues(table, extraProperties.getOrDefault("skysieve_survey", out.getName()),
                HEALPIX_COLUMN);
        try {
            fileSystem.delete(building, true);
            rows.write().parquet(staging.toString());
            Map<HatsPixel, String[]> moves = new TreeMap<>();
            FileMetaData schemaFooter = null;
            for (FileStatus status : fileSystem.listStatus(staging)) {
                Matcher part = PART_FILE.matcher(status.getPath().getName());
                if (!part.matches()) {
                    continue;
                }
                FileMetaData footer = footer(hadoop, status.getPath());
                schemaFooter = schemaFooter == null ? footer : schemaFooter;
                if (footer.getNum_rows() == 0) {
                    continue;
                }
                HatsPixel pixel = pieces.get(Integer.parseInt(part.group(1)));
                String relative = HatsPartition.relativePath(pixel, ".parquet");
                if (moves.put(pixel, new String[] {status.getPath().toString(), new Path(dataset, relative).toString(), relative}) != null) {
                    throw new IllegalStateException("Expected one file per partition from Spark. Actual: two for " + pixel);
                }
            }
            if (schemaFooter == null) {
                throw new IllegalStateException("Expected Spark to write at least one Parquet file in " + staging + ". Actual: none");
            }
            long[] skymap = skymapCounts(rows.sparkSession(), staging);
            List<String[]> work = new ArrayList<>(moves.values());
            JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext()).parallelize(work, Math.max(1, work.size()))
                    .foreach(move -> copyWithMetadata(hadoop, new Path(move[0]), new Path(move[1]), keyValues));
            fileSystem.delete(staging, true);

            List<String> relativeFiles = work.stream().map(move -> move[2]).toList();
            List<FileMetaData> footers = work.stream().map(move -> footer(hadoop, new Path(move[1]))).toList();
            long total = footers.stream().mapToLong(FileMetaData::getNum_rows).sum();
            HatsMetadataFiles.Footers metadata = HatsMetadataFiles.footers(withKeyValues(schemaFooter, keyValues), relativeFiles, footers, total);
            writeFooterOnly(hadoop, metadata.common(), new Path(dataset, HatsMetadataFiles.COMMON_METADATA));
            writeFooterOnly(hadoop, metadata.merged(), new Path(dataset, HatsMetadataFiles.METADATA));

            StringBuilder info = new StringBuilder("Norder,Npix\n");
            moves.keySet().forEach(pixel -> info.append(pixel.order()).append(',').append(pixel.pixel()).append('\n'));
            hadoop.writeText(new Path(building, "partition_info.csv"), info.toString());
            writeSkymap(hadoop, skymap, new Path(building, SkymapFits.FILE_NAME));
            long bytes = fileSystem.getContentSummary(building).getLength();
            String properties = properties(out.getName(), total, moves.keySet(), raColumn, decColumn, bytes, extraProperties);
            hadoop.writeText(new Path(building, HatsProperties.FILE_NAME), properties);
            hadoop.writeText(new Path(building, HatsProperties.LEGACY_FILE_NAME), properties);
            if (!fileSystem.rename(building, out)) {
                throw new IOException("Could not move " + building + " to " + out);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the HATS catalogue " + output + ": " + e.getMessage(), e);
        }
    }

    /** Copies a Parquet file's data pages and writes its footer with {@code keyValues} added (offsets stay valid: the pages do not move). */
    private static void copyWithMetadata(HadoopFiles hadoop, Path source, Path target, Map<String, String> keyValues) throws IOException {
        FileMetaData footer = footer(hadoop, source);
        FileSystem fileSystem = hadoop.fileSystem(source);
        long size = fileSystem.getFileStatus(source).getLen();
        byte[] tail = new byte[8];
        try (FSDataInputStream in = fileSystem.open(source)) {
            in.readFully(size - 8, tail);
        }
        long dataEnd = size - 8 - ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN).getInt();
        FileSystem targetSystem = hadoop.fileSystem(target);
        targetSystem.mkdirs(target.getParent());
        try (FSDataInputStream in = fileSystem.open(source); OutputStream outStream = targetSystem.create(target, false)) {
            byte[] buffer = new byte[1 << 16];
            long left = dataEnd;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("Expected " + dataEnd + " bytes of data in " + source + ". Actual: the file ended " + left + " bytes early");
                }
                outStream.write(buffer, 0, read);
                left -= read;
            }
            ParquetFooters.writeFooter(withKeyValues(footer, keyValues), outStream);
        }
    }

    private static FileMetaData withKeyValues(FileMetaData footer, Map<String, String> keyValues) {
        FileMetaData documented = footer.deepCopy();
        Map<String, String> merged = new LinkedHashMap<>(ParquetFooters.keyValues(footer));
        merged.putAll(keyValues);
        List<KeyValue> list = new ArrayList<>();
        merged.forEach((key, value) -> list.add(new KeyValue(key).setValue(value)));
        documented.setKey_value_metadata(list);
        return documented;
    }

    private static FileMetaData footer(HadoopFiles hadoop, Path file) {
        FileSystem fileSystem = hadoop.fileSystem(file);
        try (FSDataInputStream in = fileSystem.open(file)) {
            return ParquetFooters.read(fileSystem.getFileStatus(file).getLen(), (position, length) -> {
                byte[] bytes = new byte[length];
                in.readFully(position, bytes);
                return bytes;
            }, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Parquet footer of " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeFooterOnly(HadoopFiles hadoop, FileMetaData footer, Path file) throws IOException {
        try (OutputStream outStream = hadoop.fileSystem(file).create(file, true)) {
            outStream.write(ParquetFooters.magic());
            ParquetFooters.writeFooter(footer, outStream);
        }
    }

    /** The rows per cell at the skymap order, counted by Spark from the index column of the written files. */
    private static long[] skymapCounts(SparkSession spark, Path staging) {
        long[] counts = new long[Math.toIntExact(HatsPixel.cellCount(SKYMAP_ORDER))];
        Column cell = functions.shiftright(functions.col(HEALPIX_COLUMN), 2 * (29 - SKYMAP_ORDER));
        for (Row row : spark.read().parquet(staging.toString()).select(cell.as("cell")).groupBy("cell").count().collectAsList()) {
            counts[Math.toIntExact(row.getLong(0))] = row.getLong(1);
        }
        return counts;
    }

    /** {@link SkymapFits} writes local files: written in a temporary file, then copied to the catalogue's file system. */
    private static void writeSkymap(HadoopFiles hadoop, long[] counts, Path target) throws IOException {
        java.nio.file.Path local = Files.createTempFile("skymap", ".fits");
        try {
            SkymapFits.write(SKYMAP_ORDER, counts, local);
            hadoop.fileSystem(target).copyFromLocalFile(false, true, new Path(local.toUri()), target);
        } finally {
            Files.deleteIfExists(local);
        }
    }

    private static String properties(String name, long rows, java.util.Set<HatsPixel> pixels, String raColumn, String decColumn, long bytes,
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
        values.put("hats_skymap_order", Integer.toString(SKYMAP_ORDER));
        values.put("hats_builder", "skysieve-spark");
        values.put("hats_creation_date", CREATION_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        values.put("hats_estsize", Long.toString((bytes + 1023) / 1024));
        values.put("hats_version", "v1.0");
        values.put("hats_order", Integer.toString(pixels.stream().mapToInt(HatsPixel::order).max().orElse(0)));
        double fraction = pixels.stream().mapToDouble(HatsPixel::skyFraction).sum();
        values.put("moc_sky_fraction", fraction == 0 ? "0" : new BigDecimal(fraction).round(new MathContext(5)).stripTrailingZeros().toPlainString());
        values.putAll(extra);
        StringBuilder text = new StringBuilder("#HATS catalog\n");
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }
}
