package org.skysieve.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.ingest.HatsImporter;
import org.skysieve.catalog.ingest.IngestSummary;
import org.skysieve.catalog.ingest.Ingestor;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;

/**
 * Ingest rate on a generated sky: one survey's catalogue is exported to CSV, gzipped CSV and Parquet, described by a
 * descriptor made from its survey.json, and ingested again; its HATS catalogue is also imported as it is.
 * Optionally STILTS converts the same CSV to FITS, the step a user would run before loading a table elsewhere.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.IngestRate DATA SURVEY [WORK]}
 * where DATA comes from {@code ./skysieve generate --scale medium}.
 */
public final class IngestRate {
    private IngestRate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Usage: IngestRate DATA SURVEY [WORK]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        String surveyName = args[1];
        Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("skysieve-ingest-rate");
        Files.createDirectories(work);
        Survey survey = SurveyJson.read(new ArchiveLayout(data).surveyFile(surveyName));
        CatalogTable table = survey.tables().get(0);
        HatsCatalog catalogue = HatsCatalog.open(new ArchiveLayout(data).catalogueFolder(surveyName, table.name()));
        String columns = String.join(", ", table.columns().stream().map(c -> '"' + c.name() + '"').toList());

        try (Connection duckdb = DuckDbConnections.openInMemory(); Statement statement = duckdb.createStatement()) {
            String source = "read_parquet(" + catalogue.duckDbFileList() + ", hive_partitioning = false)";
            statement.execute("COPY (SELECT " + columns + " FROM " + source + ") TO '" + work.resolve("input.csv") + "' (HEADER)");
            statement.execute("COPY (SELECT " + columns + " FROM " + source + ") TO '" + work.resolve("input.csv.gz") + "' (HEADER, COMPRESSION gzip)");
            statement.execute("COPY (SELECT " + columns + " FROM " + source + ") TO '" + work.resolve("input.parquet") + "' (FORMAT parquet)");
        }
        System.out.printf(Locale.ROOT, "%s.%s: %,d rows, %d columns; CSV %,d MB%n", surveyName, table.name(),
                catalogue.rowCount(), table.columns().size(), Files.size(work.resolve("input.csv")) >> 20);

        for (String input : List.of("input.csv", "input.csv.gz", "input.parquet")) {
            Path descriptor = work.resolve("descriptor-" + input + ".json");
            Files.writeString(descriptor, SurveyJson.toJson(descriptorFor(survey, table, input)));
            Path target = work.resolve("archive-" + input);
            Folders.deleteRecursively(target);
            IngestSummary summary = Ingestor.ingest(descriptor, target, line -> { });
            System.out.printf(Locale.ROOT, "skysieve ingest %-14s %6.1f s  %,10.0f rows/s%n", input, summary.seconds(), summary.rowsPerSecond());
        }
        Path target = work.resolve("archive-hats");
        Folders.deleteRecursively(target);
        IngestSummary imported = HatsImporter.importCatalog(catalogue.directory(), "imported", table.name(), target, line -> { });
        System.out.printf(Locale.ROOT, "skysieve ingest --hats        %6.1f s  %,10.0f rows/s%n", imported.seconds(), imported.rowsPerSecond());

        if (Files.isExecutable(Path.of("/usr/bin/stilts"))) {
            long start = System.nanoTime();
            Process stilts = new ProcessBuilder("/usr/bin/stilts", "tcopy", "ifmt=csv", "ofmt=fits",
                    work.resolve("input.csv").toString(), work.resolve("stilts.fits").toString()).inheritIO().start();
            int exit = stilts.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "stilts tcopy csv -> fits      %6.1f s  %,10.0f rows/s (exit %d)%n", seconds,
                    catalogue.rowCount() / seconds, exit);
        }
    }

    private static ObjectNode descriptorFor(Survey survey, CatalogTable table, String file) {
        ObjectNode root = SurveyJson.mapper().createObjectNode();
        root.put("name", "reingested");
        root.put("title", survey.title());
        root.put("epoch", survey.epochYear());
        ArrayNode bands = root.putArray("bands");
        for (Band band : survey.bands()) {
            ObjectNode node = bands.addObject();
            node.put("name", band.name());
            node.put("wavelength_micron", band.effectiveWavelengthMicron());
            if (!Double.isNaN(band.pixelScaleArcsec())) {
                node.put("pixel_scale_arcsec", band.pixelScaleArcsec());
            }
            node.put("magnitude_system", band.magnitudeSystem());
        }
        ObjectNode tableNode = root.putArray("tables").addObject();
        tableNode.put("name", table.name());
        tableNode.putArray("files").add(file);
        tableNode.put("ra", table.raColumn());
        tableNode.put("dec", table.decColumn());
        tableNode.put("id", table.idColumn());
        tableNode.put("max_rows_per_partition", 200_000);
        ObjectNode columnsNode = tableNode.putObject("columns");
        for (ColumnDoc column : table.columns()) {
            ObjectNode node = columnsNode.putObject(column.name());
            node.put("type", column.type().name().toLowerCase(Locale.ROOT));
            node.put("unit", column.unit());
            node.put("ucd", column.ucd());
            node.put("description", column.description());
            node.put("null_meaning", column.nullMeaning());
            column.band().ifPresent(band -> node.put("band", band));
            column.flags().ifPresent(flags -> {
                ArrayNode bits = node.putArray("flags");
                for (FlagBit bit : flags.bits()) {
                    bits.addObject().put("bit", bit.bit()).put("name", bit.name()).put("description", bit.description());
                }
            });
        }
        return root;
    }

}
