package org.skysieve.query.check;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.status.FootprintFolder;
import org.skysieve.query.tree.Identifier;

/**
 * The tables a query may name: the published catalogues of an archive ({@code survey.table}) plus extra tables
 * (TAP_SCHEMA, {@code TAP_UPLOAD.name}), and the survey bands that have status maps (what {@code sieve_coverage} and
 * {@code sieve_limit} may name). Immutable and thread-safe; opening reads each catalogue's metadata once.
 */
public final class TableRegistry {
    private final List<TableDescription> tables;
    private final Map<String, List<String>> statusBands;

    private TableRegistry(List<TableDescription> tables, Map<String, List<String>> statusBands) {
        this.tables = List.copyOf(tables);
        this.statusBands = Map.copyOf(statusBands);
    }

    /** The published tables of {@code archive}, their HATS catalogues opened. */
    public static TableRegistry of(Archive archive) {
        requireNonNull(archive, "archive is null");
        List<TableDescription> tables = new ArrayList<>();
        Map<String, List<String>> statusBands = new LinkedHashMap<>();
        for (PublishedSurvey survey : archive.surveys()) {
            String name = survey.survey().name();
            if (new FootprintFolder(archive.layout().footprintFolder(name), name).hasMaps()) {
                statusBands.put(name, survey.survey().bands().stream().map(Band::name).toList());
            }
            for (PublishedTable published : survey.tables()) {
                HatsCatalog catalogue = HatsCatalog.open(published.catalogueFolder());
                CatalogTable table = published.table();
                tables.add(new TableDescription(published.surveyName(), table.name(), table.columns(),
                        Optional.of(new TableDescription.SkyPositionColumns(table.raColumn(), table.decColumn(),
                                catalogue.healpixColumn())),
                        new TableSource.Hats(catalogue)));
            }
        }
        return new TableRegistry(tables, statusBands);
    }

    /** Just {@code tables}, no status maps. */
    public static TableRegistry of(List<TableDescription> tables) {
        return new TableRegistry(tables, Map.of());
    }

    /** Survey name to the names of its bands, for the surveys that have status maps. */
    public Map<String, List<String>> statusBands() {
        return statusBands;
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
        return new TableRegistry(all, statusBands);
    }

    /**
     * This registry with the HATS tables named in {@code memoryTables} (qualified name {@code survey.table}, exactly as
     * published, to the SQL name of their copy in the query database) read from those copies.
     */
    public TableRegistry withMemoryTables(Map<String, String> memoryTables) {
        return withMemoryTables(memoryTables, Map.of());
    }

    /**
     * As {@link #withMemoryTables(Map)}, with the HEALPix values by row number of the copies that have them (ADQL name
     * to values; {@link SortedHealpixRows}).
     */
    public TableRegistry withMemoryTables(Map<String, String> memoryTables, Map<String, SortedHealpixRows> sortedRows) {
        requireNonNull(memoryTables, "memoryTables is null");
        requireNonNull(sortedRows, "sortedRows is null");
        List<TableDescription> all = new ArrayList<>();
        for (TableDescription table : tables) {
            String copy = memoryTables.get(table.qualifiedName());
            all.add(copy != null && table.source() instanceof TableSource.Hats hats
                    ? new TableDescription(table.schema(), table.name(), table.columns(), table.position(),
                            new TableSource.Hats(hats.catalogue(), Optional.of(copy),
                                    Optional.ofNullable(sortedRows.get(table.qualifiedName()))))
                    : table);
        }
        return new TableRegistry(all, statusBands);
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
