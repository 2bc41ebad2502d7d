package org.skysieve.catalog.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A survey as skysieve publishes it.
 *
 * @param name        short lower-case identifier, used as the ADQL schema name and the folder name
 * @param title       human title
 * @param description what the survey is, in a few sentences
 * @param reference   citation or URL; empty if none
 * @param epochYear   catalogue epoch of the positions, Julian year (e.g. 2016.0)
 * @param bands       the survey's photometric bands
 * @param tables      its published tables
 */
public record Survey(
        String name,
        String title,
        String description,
        String reference,
        double epochYear,
        List<Band> bands,
        List<CatalogTable> tables) {

    public Survey {
        requireNonNull(name, "name is null");
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        requireNonNull(reference, "reference is null");
        bands = List.copyOf(requireNonNull(bands, "bands is null"));
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Expected a survey name of lower-case letters, digits and _. Actual: " + name);
        }
    }

    public Optional<Band> band(String bandName) {
        return bands.stream().filter(b -> b.name().equals(bandName)).findFirst();
    }

    public Optional<CatalogTable> table(String tableName) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(tableName)).findFirst();
    }
}
