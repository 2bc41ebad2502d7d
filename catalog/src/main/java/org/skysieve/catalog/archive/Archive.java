package org.skysieve.catalog.archive;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;

/**
 * The published surveys of a data folder, as read at one moment (a snapshot: it does not follow later changes).
 *
 * <p>A survey is published when {@code SURVEY/survey.json} exists; a table of it when its HATS catalogue folder holds
 * {@code hats.properties}. Tables documented but not (yet) published are left out. Immutable and thread-safe.
 */
public final class Archive {
    private final ArchiveLayout layout;
    private final List<PublishedSurvey> surveys;

    private Archive(ArchiveLayout layout, List<PublishedSurvey> surveys) {
        this.layout = layout;
        this.surveys = List.copyOf(surveys);
    }

    /** Reads the data folder; a missing folder is an error, an empty one an archive without surveys. */
    public static Archive open(Path dataFolder) {
        requireNonNull(dataFolder, "dataFolder is null");
        if (!Files.isDirectory(dataFolder)) {
            throw new IllegalArgumentException("Expected a data folder. Actual: " + dataFolder + " is not a directory");
        }
        ArchiveLayout layout = new ArchiveLayout(dataFolder);
        List<PublishedSurvey> surveys = new ArrayList<>();
        try (Stream<Path> children = Files.list(dataFolder)) {
            for (Path child : children.sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(child.resolve(ArchiveLayout.SURVEY_FILE))) {
                    continue;
                }
                Survey survey = SurveyJson.read(child.resolve(ArchiveLayout.SURVEY_FILE));
                List<PublishedTable> tables = new ArrayList<>();
                for (CatalogTable table : survey.tables()) {
                    Path catalogue = layout.catalogueFolder(survey.name(), table.name());
                    rowCount(catalogue).ifPresent(rows -> tables.add(new PublishedTable(survey.name(), table, catalogue, rows)));
                }
                surveys.add(new PublishedSurvey(survey, tables));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dataFolder, e);
        }
        return new Archive(layout, surveys);
    }

    private static Optional<Long> rowCount(Path catalogueFolder) throws IOException {
        Path properties = catalogueFolder.resolve("hats.properties");
        if (!Files.isRegularFile(properties)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(properties)) {
            values.load(reader);
        }
        String rows = values.getProperty("hats_nrows");
        if (rows == null) {
            throw new IllegalStateException(properties + " has no hats_nrows");
        }
        return Optional.of(Long.parseLong(rows.trim()));
    }

    public ArchiveLayout layout() {
        return layout;
    }

    public List<PublishedSurvey> surveys() {
        return surveys;
    }

    public Optional<PublishedSurvey> survey(String name) {
        return surveys.stream().filter(s -> s.survey().name().equals(name)).findFirst();
    }
}
