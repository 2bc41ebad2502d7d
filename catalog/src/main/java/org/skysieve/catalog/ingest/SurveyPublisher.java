package org.skysieve.catalog.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;

/**
 * Builds a survey's new catalogues aside, in a work folder inside the data folder (its name starts with
 * {@code .}, so readers ignore it), and publishes them together with {@code survey.json}.
 *
 * <p>Publishing moves each built folder into place (the folder it replaces is moved aside first) and writes
 * {@code survey.json} last, by an atomic rename. If a step fails, the steps done are undone, so the survey
 * folder is as it was. Nothing is touched before {@link #publish}: a failure while building leaves the
 * archive unchanged. One instance per ingest; not thread-safe; close it to delete the work folder.
 */
final class SurveyPublisher implements AutoCloseable {
    private final ArchiveLayout layout;
    private final String surveyName;
    private final Path work;

    SurveyPublisher(ArchiveLayout layout, String surveyName) {
        this.layout = layout;
        this.surveyName = surveyName;
        try {
            Files.createDirectories(layout.root());
            this.work = Files.createDirectory(layout.root().resolve(".ingest-" + surveyName + "-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw IngestException.general("Cannot create a work folder in " + layout.root() + ": " + e.getMessage(), e);
        }
    }

    /** A scratch folder for staging files and DuckDB spill files. */
    Path scratch(String name) {
        try {
            return Files.createDirectories(work.resolve("scratch").resolve(name));
        } catch (IOException e) {
            throw IngestException.general("Cannot create " + work.resolve("scratch").resolve(name) + ": " + e.getMessage(), e);
        }
    }

    /** Where to build the catalogue of {@code tableName} (it does not exist yet). */
    Path builtCatalogue(String tableName) {
        Path built = work.resolve("built");
        try {
            return Files.createDirectories(built).resolve(tableName);
        } catch (IOException e) {
            throw IngestException.general("Cannot create " + built + ": " + e.getMessage(), e);
        }
    }

    /** Where to build the footprint folder (created empty). */
    Path builtFootprint() {
        Path folder = work.resolve("built").resolve("footprint");
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw IngestException.general("Cannot create " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Where to build the images folder (created empty). */
    Path builtImages() {
        Path folder = work.resolve("built").resolve("images");
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw IngestException.general("Cannot create " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The survey as published now, if it is. */
    java.util.Optional<Survey> current() {
        Path file = layout.surveyFile(surveyName);
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(SurveyJson.read(file));
    }

    /**
     * The tables of {@code survey} after publishing {@code newTables}: the new ones, then those already published
     * and not replaced (kept if their catalogue folder is there).
     */
    List<CatalogTable> mergedTables(List<CatalogTable> newTables) {
        List<CatalogTable> tables = new ArrayList<>(newTables);
        current().ifPresent(existing -> {
            for (CatalogTable table : existing.tables()) {
                boolean replaced = newTables.stream().anyMatch(t -> t.name().equalsIgnoreCase(table.name()));
                if (!replaced && Files.isDirectory(layout.catalogueFolder(surveyName, table.name()))) {
                    tables.add(table);
                }
            }
        });
        return tables;
    }

    /** As {@link #publish(Survey, List, boolean, boolean)} without images. */
    void publish(Survey survey, List<String> tableNames, boolean withFootprint) {
        publish(survey, tableNames, withFootprint, false);
    }

    /**
     * Moves the built catalogues (and footprint and images folders, if built; they replace the survey's) into place,
     * then writes survey.json; all or nothing.
     */
    void publish(Survey survey, List<String> tableNames, boolean withFootprint, boolean withImages) {
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            Path surveyFolder = Files.createDirectories(layout.surveyFolder(surveyName));
            Path old = Files.createDirectories(work.resolve("replaced"));
            List<String> folders = new ArrayList<>(tableNames);
            if (withFootprint) {
                folders.add("footprint");
            }
            if (withImages) {
                folders.add("images");
            }
            for (String folder : folders) {
                Path built = work.resolve("built").resolve(folder);
                Path target = folder.equals("footprint") ? layout.footprintFolder(surveyName)
                        : folder.equals("images") ? layout.imagesFolder(surveyName)
                        : layout.catalogueFolder(surveyName, folder);
                if (Files.exists(target)) {
                    Path aside = old.resolve(folder);
                    move(target, aside);
                    undo.push(() -> move(aside, target));
                }
                move(built, target);
                undo.push(() -> move(target, built));
            }
            Path temporary = surveyFolder.resolve("." + ArchiveLayout.SURVEY_FILE + "." + UUID.randomUUID().toString().substring(0, 8));
            SurveyJson.write(survey, temporary);
            Files.move(temporary, layout.surveyFile(surveyName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException undoFailure) {
                    e.addSuppressed(undoFailure);
                }
            }
            throw IngestException.general(String.format(Locale.ROOT, "Cannot publish survey %s in %s: %s", surveyName, layout.root(), e.getMessage()), e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + from + " to " + to, e);
        }
    }

    @Override
    public void close() {
        Folders.deleteRecursively(work);
    }

}
