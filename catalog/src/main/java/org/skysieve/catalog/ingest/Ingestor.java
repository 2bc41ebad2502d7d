package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.StatusSqlFunctions;
import org.skysieve.catalog.hats.HatsCatalogWriter;
import org.skysieve.catalog.hats.HatsWriteOptions;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.status.BandStatusMap;
import org.skysieve.catalog.status.FootprintFolder;
import org.skysieve.catalog.status.StatusMapException;

/**
 * Ingests a survey described by a descriptor file (docs/ingest.md) into a data folder:
 * {@code DATA/SURVEY/TABLE/} HATS catalogues, {@code DATA/SURVEY/footprint/} and {@code DATA/SURVEY/survey.json}.
 *
 * <p>All or nothing: every table is read, checked and built aside first; only then are the catalogues moved into
 * place and survey.json written, last. When the descriptor gives a band's coverage MOC (and optionally its mask MOC
 * and depth map), every magnitude of that band gets {@code _status} and {@code _limit} columns computed from the
 * maps ({@link MeasurementStatusStep}). If anything fails, the survey folder stays as it was. Tables already
 * published for the survey and not named in the descriptor are kept. Not meant to run twice at once on the same
 * survey.
 */
public final class Ingestor {
    private Ingestor() {
    }

    /**
     * @param progress receives one-line progress reports (rows read, rows/s), about every 2 s or 1M rows
     * @throws IngestException for any bad input, naming the file and where possible the row and column
     */
    public static IngestSummary ingest(Path descriptorFile, Path dataDir, Consumer<String> progress) {
        requireNonNull(descriptorFile, "descriptorFile is null");
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(progress, "progress is null");
        ProgressMeter meter = new ProgressMeter(progress);
        SurveyDescriptor descriptor = SurveyDescriptors.read(descriptorFile);
        // Plates are checked before any table is read: a broken header fails in seconds, not after the catalogue.
        List<PlateChecks.CheckedPlate> plates = PlateCopier.check(descriptor.images());
        if (!plates.isEmpty()) {
            meter.say("checked " + plates.size() + " image plates of " + descriptor.images().size() + " bands");
        }
        ArchiveLayout layout = new ArchiveLayout(dataDir.toAbsolutePath().normalize());
        try (SurveyPublisher publisher = new SurveyPublisher(layout, descriptor.name());
                Connection connection = DuckDbConnections.openInMemory()) {
            configure(connection, publisher.scratch("duckdb"));
            List<TableStager.Result> staged = new ArrayList<>();
            for (TableDescriptor table : descriptor.tables()) {
                Path stagingFile = publisher.scratch("staging").resolve(table.name() + ".parquet");
                staged.add(TableStager.stage(connection, table, stagingFile, meter));
            }
            if (!descriptor.footprint().isEmpty()) {
                FootprintCopier.copy(descriptor.footprint(), publisher.builtFootprint());
            }
            List<BandStatusMap> maps = descriptor.footprint().coverage().isEmpty() ? List.of()
                    : bandMaps(descriptor, publisher.builtFootprint());
            if (!maps.isEmpty()) {
                StatusSqlFunctions.registerBands(connection, maps);
            }
            Set<String> mapped = maps.stream().map(BandStatusMap::band).collect(java.util.stream.Collectors.toSet());
            for (int i = 0; i < staged.size(); i++) {
                TableStager.Result result = staged.get(i);
                if (MeasurementStatusStep.applies(result.table(), mapped)) {
                    meter.say("computing status and limit columns of " + descriptor.name() + "." + result.table().name()
                            + " from the maps of bands " + mapped.stream().sorted().toList());
                    Path withStatus = publisher.scratch("staging").resolve(result.table().name() + ".status.parquet");
                    staged.set(i, MeasurementStatusStep.apply(connection, result, maps, withStatus, descriptor.file()));
                }
            }
            List<CatalogTable> published = new ArrayList<>();
            for (int i = 0; i < staged.size(); i++) {
                TableStager.Result result = staged.get(i);
                TableDescriptor table = descriptor.tables().get(i);
                meter.say("writing HATS catalogue " + descriptor.name() + "." + table.name() + " (" + result.rowsWritten() + " rows)");
                HatsWriteOptions defaults = HatsWriteOptions.defaults();
                HatsWriteOptions options = new HatsWriteOptions(table.maxRowsPerPartition(), defaults.highestOrder(), defaults.skymapOrder());
                HatsCatalogWriter.write(result.stagingFile(), result.table(), descriptor.name(), options, publisher.builtCatalogue(table.name()),
                        (pixel, partitionRows, rowsWritten, totalRows) -> meter.written(table.name(), rowsWritten, totalRows));
                published.add(result.table());
            }
            if (!plates.isEmpty()) {
                PlateCopier.copy(plates, publisher.builtImages());
            }
            Survey survey = descriptor.survey(publisher.mergedTables(published));
            publisher.publish(survey, published.stream().map(CatalogTable::name).toList(), !descriptor.footprint().isEmpty(),
                    !plates.isEmpty());
            return summary(descriptor.name(), staged, meter.elapsedNanos() / 1e9);
        } catch (SQLException e) {
            throw IngestException.general("DuckDB failed while ingesting " + descriptor.name() + ": " + CsvSource.firstLine(e.getMessage()), e);
        }
    }

    /** The maps of every band the descriptor gives a coverage MOC, read back from the built footprint folder. */
    private static List<BandStatusMap> bandMaps(SurveyDescriptor descriptor, Path builtFootprint) {
        FootprintFolder folder = new FootprintFolder(builtFootprint, descriptor.name());
        List<BandStatusMap> maps = new ArrayList<>();
        for (String band : new java.util.TreeSet<>(descriptor.footprint().coverage().keySet())) {
            try {
                maps.add(folder.read(band));
            } catch (StatusMapException e) {
                throw IngestException.inFile(descriptor.file(), "Cannot read the maps of band " + band + ": " + e.getMessage(), e);
            }
        }
        return maps;
    }

    /** Spill to the work folder, report progress, keep rows in input order. */
    static void configure(Connection connection, Path spillFolder) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET temp_directory = " + Sql.literal(spillFolder.toString()));
            statement.execute("SET enable_progress_bar = true");
            statement.execute("SET enable_progress_bar_print = false");
        }
    }

    static IngestSummary summary(String surveyName, List<TableStager.Result> staged, double seconds) {
        long read = 0;
        long written = 0;
        long rejected = 0;
        long flagged = 0;
        List<String> samples = new ArrayList<>();
        for (TableStager.Result result : staged) {
            read += result.rowsRead();
            written += result.rowsWritten();
            rejected += result.rowsRejected();
            flagged += result.rowsFlagged();
            samples.addAll(result.problemSamples());
        }
        return new IngestSummary(surveyName, staged.stream().map(r -> r.table().name()).toList(), read, written, rejected, flagged, seconds, samples);
    }
}
