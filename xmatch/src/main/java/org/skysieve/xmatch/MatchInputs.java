package org.skysieve.xmatch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * Turns what a user names as a side ({@code survey:NAME}, {@code survey:NAME/TABLE}, or a table file) into a
 * {@link ResolvedSide}: its rows, where its positions are, its default output columns and its epoch.
 */
public final class MatchInputs {
    /** Right ascension column names recognised in uploaded files, in order of preference (ignoring case). */
    static final List<String> RA_NAMES = List.of("ra", "ra_deg", "raj2000", "ra_icrs", "radeg", "alpha", "ra_j2000");
    static final List<String> DEC_NAMES = List.of("dec", "dec_deg", "dej2000", "decj2000", "de_icrs", "dec_icrs", "dedeg", "decdeg", "delta", "dec_j2000");

    private MatchInputs() {
    }

    /**
     * One resolved side.
     *
     * @param rows            where its rows come from (close it when it is a {@link HatsSide})
     * @param positions       where its positions are (proper motion columns when the table has pmra and pmdec)
     * @param defaultColumns  what to carry to the output when the user chose nothing
     * @param epochYear       the epoch of its positions, when known
     */
    public record ResolvedSide(MatchSide rows, PositionColumns positions, List<String> defaultColumns, Optional<Double> epochYear) {
    }

    /** Resolves {@code text}; {@code data} is the data folder for {@code survey:} sides, {@code fileEpochYear} the epoch of files. */
    public static ResolvedSide resolve(String text, Optional<Path> data, Optional<Double> fileEpochYear) {
        if (text.startsWith("survey:")) {
            return survey(text.substring("survey:".length()), data.orElseThrow(() -> new IllegalArgumentException(
                    "Expected --data DIR to find " + text + ". Actual: no data folder given")));
        }
        Path file = Path.of(text);
        LoadedTable table = TableReader.read(file);
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("Expected rows in " + file + ". Actual: the table is empty");
        }
        Column ra = table.firstOf(RA_NAMES).orElseThrow(() -> missing(file, "right ascension", RA_NAMES, table));
        Column dec = table.firstOf(DEC_NAMES).orElseThrow(() -> missing(file, "declination", DEC_NAMES, table));
        for (Column column : List.of(ra, dec)) {
            if (column instanceof Column.TextColumn textColumn) {
                throw new IllegalArgumentException("Expected a number (degrees) in column " + column.name() + " of " + file + ". Actual: "
                        + firstNonNumber(textColumn));
            }
        }
        PositionColumns positions = PositionColumns.of(ra.name(), dec.name());
        return new ResolvedSide(new MemorySide(table, positions), positions, table.columns().stream().map(Column::name).toList(), fileEpochYear);
    }

    private static String firstNonNumber(Column.TextColumn column) {
        for (int row = 0; row < column.size(); row++) {
            String value = column.values()[row];
            try {
                if (value != null) {
                    Double.parseDouble(value);
                }
            } catch (NumberFormatException e) {
                return "'" + value + "' in data row " + (row + 1);
            }
        }
        return "text";
    }

    private static IllegalArgumentException missing(Path file, String what, List<String> names, LoadedTable table) {
        return new IllegalArgumentException("Expected a " + what + " column (one of " + names + ") in " + file + ". Actual columns: "
                + table.columns().stream().map(Column::name).toList());
    }

    private static ResolvedSide survey(String name, Path data) {
        Archive archive = Archive.open(data);
        String surveyName = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        PublishedSurvey survey = archive.survey(surveyName).orElseThrow(() -> new IllegalArgumentException("Expected a survey among "
                + archive.surveys().stream().map(s -> s.survey().name()).toList() + " in " + data + ". Actual: " + surveyName));
        PublishedTable table;
        if (name.contains("/")) {
            String tableName = name.substring(name.indexOf('/') + 1);
            table = survey.tables().stream().filter(t -> t.table().name().equals(tableName)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "Expected a table among " + survey.tables().stream().map(t -> t.table().name()).toList() + " in survey " + surveyName
                            + ". Actual: " + tableName));
        } else if (survey.tables().isEmpty()) {
            throw new IllegalArgumentException("Expected a published table in survey " + surveyName + ". Actual: none");
        } else {
            table = survey.tables().get(0);
        }
        HatsCatalog catalog = HatsCatalog.open(table.catalogueFolder());
        PositionColumns positions = PositionColumns.of(table.table().raColumn(), table.table().decColumn());
        List<String> names = table.table().columns().stream().map(ColumnDoc::name).toList();
        if (names.contains("pmra") && names.contains("pmdec")) {
            positions = new PositionColumns(positions.raColumn(), positions.decColumn(), Optional.empty(), 1.0,
                    Optional.of(new PositionColumns.ProperMotionColumns("pmra", "pmdec", survey.survey().epochYear())), Optional.empty());
        }
        List<String> defaults = List.of(table.table().idColumn(), table.table().raColumn(), table.table().decColumn());
        return new ResolvedSide(new HatsSide(catalog, "survey:" + table.qualifiedName()), positions, defaults,
                Optional.of(survey.survey().epochYear()));
    }
}
