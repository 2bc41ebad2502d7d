package org.skysieve.catalog.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.Survey;

/**
 * A parsed and checked survey descriptor (format: docs/ingest.md). Read one with {@link SurveyDescriptors#read(Path)}.
 *
 * @param file        the descriptor file; relative paths in it were resolved against its folder
 * @param name        survey name (lower case, digits, _): the folder and ADQL schema name
 * @param title       human title
 * @param description a few sentences
 * @param reference   citation or URL, empty if none
 * @param epochYear   catalogue epoch of the positions, Julian year
 * @param bands       the photometric bands
 * @param tables      the tables to ingest, at least one
 * @param footprint   coverage, mask, depth maps and images, carried into the survey's footprint folder
 * @param images      band to its image plates (FITS files), checked and carried into the survey's images folder, where
 *                    the cutout services (SODA, DataLink, cutout) read them; empty: none declared
 */
public record SurveyDescriptor(
        Path file,
        String name,
        String title,
        String description,
        String reference,
        double epochYear,
        List<Band> bands,
        List<TableDescriptor> tables,
        FootprintFiles footprint,
        Map<String, List<Path>> images) {

    public SurveyDescriptor {
        requireNonNull(file, "file is null");
        requireNonNull(name, "name is null");
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        requireNonNull(reference, "reference is null");
        bands = List.copyOf(requireNonNull(bands, "bands is null"));
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(footprint, "footprint is null");
        images = Map.copyOf(requireNonNull(images, "images is null"));
    }

    /** The survey model with the given published tables. */
    public Survey survey(List<CatalogTable> publishedTables) {
        return new Survey(name, title, description, reference, epochYear, bands, publishedTables);
    }
}
