package org.skysieve.catalog.hats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.skysieve.catalog.model.CatalogTable;

/** The {@code hats.properties} of a catalogue skysieve writes: the keys hats-import writes, in its order, plus {@code skysieve_survey}. */
final class HatsCatalogProperties {
    static final String SURVEY_KEY = "skysieve_survey";
    private static final DateTimeFormatter CREATION_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'UTC'");

    private HatsCatalogProperties() {
    }

    /** @param building the catalogue folder with every other file written (its size gives {@code hats_estsize}, in KiB) */
    static HatsProperties of(CatalogTable table, String surveyName, HatsWriteOptions options, long rows, List<HatsPixel> partitions, Path building) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("obs_collection", table.name());
        values.put("dataproduct_type", "object");
        values.put("hats_nrows", Long.toString(rows));
        values.put("hats_col_ra", table.raColumn());
        values.put("hats_col_dec", table.decColumn());
        values.put("hats_col_healpix", HatsCatalogWriter.HEALPIX_COLUMN);
        values.put("hats_col_healpix_order", "29");
        values.put("hats_npix_suffix", ".parquet");
        values.put("hats_skymap_order", Integer.toString(options.skymapOrder()));
        values.put("hats_builder", builder());
        values.put("hats_creation_date", CREATION_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        values.put("hats_estsize", Long.toString((folderBytes(building) + 1023) / 1024));
        values.put("hats_version", "v1.0");
        values.put("hats_max_rows", Long.toString(options.maxRowsPerPartition()));
        values.put("hats_order", Integer.toString(partitions.stream().mapToInt(HatsPixel::order).max().orElse(0)));
        values.put("moc_sky_fraction", skyFraction(partitions));
        values.put(SURVEY_KEY, surveyName);
        return new HatsProperties("HATS catalog", values);
    }

    private static String builder() {
        String version = HatsCatalogWriter.class.getPackage().getImplementationVersion();
        return version == null ? "skysieve" : "skysieve v" + version;
    }

    /** The covered fraction of the sky, to 5 significant digits as hats writes it (0.083333 for one order-0 cell). */
    static String skyFraction(List<HatsPixel> partitions) {
        double fraction = partitions.stream().mapToDouble(HatsPixel::skyFraction).sum();
        if (fraction == 0) {
            return "0";
        }
        return new BigDecimal(fraction).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }

    private static long folderBytes(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure " + folder, e);
        }
    }
}
