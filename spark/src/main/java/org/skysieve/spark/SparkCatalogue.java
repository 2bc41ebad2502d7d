package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.skysieve.catalog.hats.HatsColumnMetadata;
import org.skysieve.catalog.hats.HatsException;
import org.skysieve.catalog.hats.HatsPartition;
import org.skysieve.catalog.hats.HatsPixel;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;
import org.skysieve.xmatch.PositionColumns;

/**
 * A HATS catalogue (skysieve's {@code DATA/SURVEY/TABLE}, or any HATS 1.0 object catalogue) as seen from a Spark
 * driver, through Hadoop's file systems: {@code hats.properties}, {@code partition_info.csv} and the partition files
 * {@code dataset/Norder=k/Dir=d/Npix=n.parquet} (or {@code Npix=n/} folders). Opening reads those two small text
 * files, one Parquet footer (the column documentation) and, when present, the survey's {@code survey.json} beside the
 * catalogue (its epoch); no partition file is opened. Immutable; used on the driver.
 *
 * @param location      the catalogue folder, as a Hadoop path or URI ({@code /data/x}, {@code hdfs://...}, {@code s3a://...})
 * @param properties    the keys of {@code hats.properties}
 * @param files         each partition's files, sorted by order then pixel
 * @param table         the columns' documentation (from the {@code skysieve.table} Parquet metadata, else VOParquet), if any
 * @param epochYear     the epoch of the positions, from the survey's {@code survey.json}, if any
 */
public record SparkCatalogue(String location, Map<String, String> properties, Map<HatsPixel, List<String>> files,
        Optional<CatalogTable> table, Optional<Double> epochYear) {

    public SparkCatalogue {
        requireNonNull(location, "location is null");
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
        Map<HatsPixel, List<String>> sorted = new LinkedHashMap<>();
        requireNonNull(files, "files is null").entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(entry -> sorted.put(entry.getKey(), List.copyOf(entry.getValue())));
        files = java.util.Collections.unmodifiableMap(sorted);
        requireNonNull(table, "table is null");
        requireNonNull(epochYear, "epochYear is null");
    }

    /** Opens the catalogue at {@code location}. */
    public static SparkCatalogue open(HadoopFiles hadoop, String location) {
        return open(hadoop, location, "object");
    }

    /** Opens the HATS catalogue at {@code location}, whose {@code dataproduct_type} must be {@code expectedType} (e.g. margin). */
    static SparkCatalogue open(HadoopFiles hadoop, String location, String expectedType) {
        requireNonNull(hadoop, "hadoop is null");
        requireNonNull(location, "location is null");
        Path root = new Path(location);
        Path propertiesFile = new Path(root, "hats.properties");
        if (!hadoop.exists(propertiesFile)) {
            propertiesFile = new Path(root, "properties");
        }
        if (!hadoop.exists(propertiesFile)) {
            throw new HatsException("Expected hats.properties in " + location + ". Actual: none (is it a HATS catalogue folder?)");
        }
        Map<String, String> properties = parseProperties(hadoop.readText(propertiesFile));
        String type = properties.getOrDefault("dataproduct_type", "object");
        if (!type.equals(expectedType)) {
            throw new HatsException("Expected a HATS catalogue of type " + expectedType + " in " + location + ". Actual: " + type);
        }
        String suffix = properties.getOrDefault("hats_npix_suffix", ".parquet");
        Map<HatsPixel, List<String>> files = new LinkedHashMap<>();
        for (HatsPixel pixel : partitionInfo(hadoop, new Path(root, "partition_info.csv"))) {
            Path partition = new Path(new Path(root, "dataset"), HatsPartition.relativePath(pixel, suffix.endsWith("/") ? "" : suffix));
            files.put(pixel, suffix.endsWith("/") ? listFolder(hadoop, partition) : List.of(partition.toString()));
        }
        Optional<CatalogTable> table = files.values().stream().flatMap(List::stream).findFirst()
                .flatMap(first -> documentation(hadoop, new Path(first)));
        Optional<Double> epoch = Optional.empty();
        Path surveyFile = new Path(root.getParent(), "survey.json");
        if (root.getParent() != null && hadoop.exists(surveyFile)) {
            epoch = Optional.of(SurveyJson.fromJson(hadoop.readText(surveyFile), Survey.class).epochYear());
        }
        return new SparkCatalogue(root.toString(), properties, files, table, epoch);
    }

    /** The partitions, sorted by order then pixel. */
    public List<HatsPixel> pixels() {
        return List.copyOf(files.keySet());
    }

    public String healpixColumn() {
        return properties.getOrDefault("hats_col_healpix", "_healpix_29");
    }

    public String raColumn() {
        return table.map(CatalogTable::raColumn).orElse(properties.getOrDefault("hats_col_ra", "ra"));
    }

    public String decColumn() {
        return table.map(CatalogTable::decColumn).orElse(properties.getOrDefault("hats_col_dec", "dec"));
    }

    /** The identifier column: the documented one, else {@code id}. */
    public String idColumn() {
        return table.map(CatalogTable::idColumn).orElse("id");
    }

    /** Where the positions are; with proper motion columns {@code pmra}, {@code pmdec} and a known epoch, the proper motions too. */
    public PositionColumns positions() {
        PositionColumns positions = PositionColumns.of(raColumn(), decColumn());
        boolean hasMotion = table.isPresent() && table.get().column("pmra").isPresent() && table.get().column("pmdec").isPresent();
        if (hasMotion && epochYear.isPresent()) {
            positions = new PositionColumns(raColumn(), decColumn(), Optional.empty(), 1.0,
                    Optional.of(new PositionColumns.ProperMotionColumns("pmra", "pmdec", epochYear.get())), Optional.empty());
        }
        return positions;
    }

    /** The name for messages: {@code obs_collection}, else the folder's name. */
    public String name() {
        return properties.getOrDefault("obs_collection", new Path(location).getName());
    }

    private static Map<String, String> parseProperties(String text) {
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        parsed.stringPropertyNames().forEach(key -> values.put(key, parsed.getProperty(key).trim()));
        return values;
    }

    private static List<HatsPixel> partitionInfo(HadoopFiles hadoop, Path file) {
        if (!hadoop.exists(file)) {
            throw new HatsException("Expected partition_info.csv in " + file.getParent() + ". Actual: none");
        }
        String[] lines = hadoop.readText(file).split("\\R");
        List<String> header = Arrays.stream(lines[0].split(",")).map(String::trim).toList();
        int orderColumn = header.indexOf("Norder");
        int pixelColumn = header.indexOf("Npix");
        if (orderColumn < 0 || pixelColumn < 0) {
            throw new HatsException("Expected columns Norder and Npix in " + file + ". Actual header: " + lines[0]);
        }
        List<HatsPixel> pixels = new ArrayList<>();
        for (int line = 1; line < lines.length; line++) {
            if (lines[line].isBlank()) {
                continue;
            }
            String[] fields = lines[line].split(",");
            try {
                pixels.add(new HatsPixel(Integer.parseInt(fields[orderColumn].trim()), Long.parseLong(fields[pixelColumn].trim())));
            } catch (RuntimeException e) {
                throw new HatsException("Expected integers Norder,Npix in line " + (line + 1) + " of " + file + ". Actual: " + lines[line], e);
            }
        }
        return pixels;
    }

    private static List<String> listFolder(HadoopFiles hadoop, Path folder) {
        try {
            List<String> names = new ArrayList<>();
            for (FileStatus status : hadoop.fileSystem(folder).listStatus(folder)) {
                String name = status.getPath().getName();
                if (status.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                    names.add(status.getPath().toString());
                }
            }
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Optional<CatalogTable> documentation(HadoopFiles hadoop, Path file) {
        Map<String, String> keyValues;
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, hadoop.configuration()))) {
            keyValues = reader.getFooter().getFileMetaData().getKeyValueMetaData();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the footer of " + file + ": " + e.getMessage(), e);
        }
        String json = keyValues.get(HatsColumnMetadata.TABLE_KEY);
        return json == null ? Optional.empty() : Optional.of(SurveyJson.fromJson(json, CatalogTable.class));
    }
}
