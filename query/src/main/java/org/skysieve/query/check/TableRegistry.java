package org.skysieve.query.check;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.query.tree.Identifier;

/**
 * The tables a query may name: the published catalogues of an archive ({@code survey.table}) plus extra tables
 * (TAP_SCHEMA, {@code TAP_UPLOAD.name}). Immutable and thread-safe; opening reads each catalogue's metadata once.
 */
public final class TableRegistry {
    private final List<TableDescription> tables;

    private TableRegistry(List<TableDescription> tables) {
        this.tables = List.copyOf(tables);
    }

    /** The published tables of {@code archive}, their HATS catalogues opened. */
    public static TableRegistry of(Archive archive) {
        requireNonNull(archive, "archive is null");
        List<TableDescription> tables = new ArrayList<>();
        for (PublishedSurvey survey : archive.surveys()) {
            for (PublishedTable published : survey.tables()) {
                HatsCatalog catalogue = HatsCatalog.open(published.catalogueFolder());
                CatalogTable table = published.table();
                tables.add(new TableDescription(published.surveyName(), table.name(), table.columns(),
                        Optional.of(new TableDescription.SkyPositionColumns(table.raColumn(), table.decColumn(),
                                catalogue.healpixColumn())),
                        new TableSource.Hats(catalogue)));
            }
        }
        return new TableRegistry(tables);
    }

    public static TableRegistry of(List<TableDescription> tables) {
        return new TableRegistry(tables);
    }

    /** This registry plus {@code extra} tables (which must not reuse a name). */
    public TableRegistry with(List<TableDescription> extra) {
        List<TableDescription> all = new ArrayList<>(tables);
        for (TableDescription table : extra) {
            if (all.stream().anyMatch(t -> t.qualifiedName().equalsIgnoreCase(table.qualifiedName()))) {
                throw new IllegalArgumentException("Table " + table.qualifiedName() + " is already defined");
            }
            all.add(table);
        }
        return new TableRegistry(all);
    }

    public List<TableDescription> tables() {
        return tables;
    }

    /**
     * The table named {@code [schema.]table}: with a schema the exact table; without one, the only table of that name
     * (several tables of that name in different schemas give empty: the caller reports the ambiguity).
     */
    public List<TableDescription> find(List<Identifier> name) {
        Identifier table = name.get(name.size() - 1);
        Optional<Identifier> schema = name.size() >= 2 ? Optional.of(name.get(name.size() - 2)) : Optional.empty();
        return tables.stream()
                .filter(t -> table.matches(t.name()) && schema.map(s -> s.matches(t.schema())).orElse(true))
                .toList();
    }
}
