package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.model.StatusColumns;
import org.skysieve.catalog.status.BandStatusMap;
import org.skysieve.catalog.status.CoverageStatus;
import org.skysieve.catalog.status.StatusMaps;

/**
 * The status step of a cross-match with a survey: after the best match of every left row has been gathered side by
 * side ({@link SideBySide}), says for each of the survey's band measurements ({@link StatusColumns#isMeasurement})
 * why the row has, or lacks, a value: {@code SURVEY_M_status} and {@code SURVEY_M_limit}.
 * <ul>
 *   <li>a row with a counterpart takes the counterpart's own {@code M_status} and {@code M_limit} from the catalogue
 *       (when the catalogue has no such columns: {@code detected} where {@code M} has a value, else the maps at the
 *       left position);</li>
 *   <li>a row without a counterpart: the band's maps at the LEFT row's position: {@code undetected} (observed outside
 *       masks: nothing there above the limit, which is given), {@code masked} or {@code unobserved} (limit null);</li>
 *   <li>a row without a position: both null.</li>
 * </ul>
 * Immutable and thread-safe; look-ups are HEALPix look-ups ({@link BandStatusMap}).
 */
public final class SurveyStatusFill {
    private record Measurement(String column, BandStatusMap map, boolean catalogueHasStatus, boolean catalogueHasLimit) {
    }

    private final String survey;
    private final List<Measurement> measurements;

    private SurveyStatusFill(String survey, List<Measurement> measurements) {
        this.survey = survey;
        this.measurements = List.copyOf(measurements);
    }

    /**
     * The status step of {@code surveyAndTable} ({@code NAME} or {@code NAME/TABLE}, as {@link MatchInputs} reads
     * {@code survey:NAME[/TABLE]}).
     *
     * @throws IllegalArgumentException naming the survey when it is unknown, has no maps or no band measurement
     */
    public static SurveyStatusFill of(Archive archive, String surveyAndTable) {
        return of(archive, new StatusMaps(archive), surveyAndTable);
    }

    /** As {@link #of(Archive, String)}, reading the maps through {@code maps} (which keeps them: a server reuses one). */
    public static SurveyStatusFill of(Archive archive, StatusMaps maps, String surveyAndTable) {
        requireNonNull(archive, "archive is null");
        requireNonNull(maps, "maps is null");
        String surveyName = surveyAndTable.contains("/") ? surveyAndTable.substring(0, surveyAndTable.indexOf('/')) : surveyAndTable;
        PublishedSurvey published = archive.survey(surveyName).orElseThrow(() -> new IllegalArgumentException("Expected a survey among "
                + archive.surveys().stream().map(s -> s.survey().name()).toList() + ". Actual: " + surveyName));
        String tableName = surveyAndTable.contains("/") ? surveyAndTable.substring(surveyAndTable.indexOf('/') + 1) : null;
        CatalogTable table = published.tables().stream().filter(t -> tableName == null || t.table().name().equals(tableName))
                .map(PublishedTable::table).findFirst().orElseThrow(() -> new IllegalArgumentException("Expected a table of survey "
                        + surveyName + ". Actual: " + (tableName == null ? "none published" : tableName)));
        List<String> bands;
        try {
            bands = maps.bandNames(surveyName);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Expected coverage maps of survey " + surveyName + " for status columns. Actual: "
                    + e.getMessage(), e);
        }
        List<Measurement> measurements = new ArrayList<>();
        for (ColumnDoc column : table.columns()) {
            if (StatusColumns.isMeasurement(column) && bands.contains(column.band().orElseThrow())) {
                measurements.add(new Measurement(column.name(), maps.band(surveyName, column.band().orElseThrow()),
                        table.column(StatusColumns.statusName(column.name())).isPresent(),
                        table.column(StatusColumns.limitName(column.name())).isPresent()));
            }
        }
        if (measurements.isEmpty()) {
            throw new IllegalArgumentException("Expected band measurements (magnitude columns of bands with maps) in " + surveyName + "."
                    + table.name() + " for status columns. Actual: none among " + table.columns().stream().map(ColumnDoc::name).toList());
        }
        return new SurveyStatusFill(surveyName, measurements);
    }

    public String survey() {
        return survey;
    }

    /** The survey columns to gather from each counterpart: each measurement and its catalogue status and limit columns. */
    public List<String> counterpartColumns() {
        List<String> columns = new ArrayList<>();
        for (Measurement measurement : measurements) {
            columns.add(measurement.column());
            if (measurement.catalogueHasStatus()) {
                columns.add(StatusColumns.statusName(measurement.column()));
            }
            if (measurement.catalogueHasLimit()) {
                columns.add(StatusColumns.limitName(measurement.column()));
            }
        }
        return columns;
    }

    /**
     * The status and limit columns, {@code prefix + M_status} and {@code prefix + M_limit} per measurement, for left rows
     * at ({@code raDeg[i]}, {@code decDeg[i]}) (NaN: no position).
     *
     * @param gathered the side-by-side columns of this survey ({@link SideBySide#columns}, names starting with
     *                 {@code prefix}), holding {@link #counterpartColumns} and {@code prefix + separation_arcsec}
     */
    public List<Column> columns(String prefix, double[] raDeg, double[] decDeg, LoadedTable gathered) {
        requireNonNull(prefix, "prefix is null");
        int rows = raDeg.length;
        Column separation = gathered.require(prefix + "separation_arcsec", "separation");
        List<Column> built = new ArrayList<>();
        for (Measurement measurement : measurements) {
            Column value = gathered.require(prefix + measurement.column(), "measurement");
            Column ownStatus = measurement.catalogueHasStatus()
                    ? gathered.require(prefix + StatusColumns.statusName(measurement.column()), "status") : null;
            Column ownLimit = measurement.catalogueHasLimit()
                    ? gathered.require(prefix + StatusColumns.limitName(measurement.column()), "limit") : null;
            String[] statuses = new String[rows];
            double[] limits = new double[rows];
            for (int row = 0; row < rows; row++) {
                limits[row] = Double.NaN;
                boolean matched = !Double.isNaN(separation.doubleValue(row));
                if (matched && ownStatus != null) {
                    String own = ownStatus.text(row);
                    statuses[row] = own.isEmpty() ? null : own;
                    limits[row] = ownLimit == null ? Double.NaN : ownLimit.doubleValue(row);
                    continue;
                }
                if (matched && !Double.isNaN(value.doubleValue(row))) {
                    statuses[row] = MissingStatus.DETECTED.word();
                    limits[row] = ownLimit == null ? Double.NaN : ownLimit.doubleValue(row);
                    continue;
                }
                if (Double.isNaN(raDeg[row]) || Double.isNaN(decDeg[row])) {
                    continue;
                }
                long hash29 = BandStatusMap.positionHash29(raDeg[row], decDeg[row]);
                CoverageStatus coverage = measurement.map().statusOfHash(hash29);
                statuses[row] = switch (coverage) {
                    case OBSERVED -> MissingStatus.UNDETECTED.word();
                    case MASKED -> MissingStatus.MASKED.word();
                    case UNOBSERVED -> MissingStatus.UNOBSERVED.word();
                };
                if (coverage == CoverageStatus.OBSERVED) {
                    limits[row] = measurement.map().limitOfHash(hash29);
                }
            }
            built.add(new Column.TextColumn(prefix + StatusColumns.statusName(measurement.column()), statuses));
            built.add(Column.DoubleColumn.nullWhereNaN(prefix + StatusColumns.limitName(measurement.column()), limits));
        }
        return built;
    }

    /** The names of the columns {@link #columns} makes, in order. */
    public List<String> columnNames(String prefix) {
        List<String> names = new ArrayList<>();
        for (Measurement measurement : measurements) {
            names.add(prefix + StatusColumns.statusName(measurement.column()));
            names.add(prefix + StatusColumns.limitName(measurement.column()));
        }
        return names;
    }

    /**
     * The documentation of the columns {@link #columns} makes, by output name: the status column's description lists
     * every word with its meaning (so that a VOTable or FITS file documents it), the limit's unit is mag.
     */
    public java.util.Map<String, ColumnDoc> docs(String prefix) {
        java.util.Map<String, ColumnDoc> docs = new java.util.LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            String band = measurement.map().band();
            ColumnDoc status = StatusColumns.statusDoc(measurement.column(), band, "");
            ColumnDoc limit = StatusColumns.limitDoc(measurement.column(), band, "");
            docs.put(prefix + status.name(), new ColumnDoc(prefix + status.name(), status.type(), status.unit(), status.ucd(),
                    survey + ": " + status.description() + " Without a counterpart: from the survey's maps at the left position.",
                    status.nullMeaning(), status.band(), status.flags()));
            docs.put(prefix + limit.name(), new ColumnDoc(prefix + limit.name(), limit.type(), limit.unit(), limit.ucd(),
                    survey + ": " + limit.description(), limit.nullMeaning(), limit.band(), limit.flags()));
        }
        return docs;
    }

    /** The survey columns to gather: {@code chosen} (the user's) and {@link #counterpartColumns}, each once. */
    public List<String> gatheredColumns(List<String> chosen) {
        List<String> columns = new ArrayList<>(chosen);
        for (String column : counterpartColumns()) {
            if (columns.stream().noneMatch(column::equalsIgnoreCase)) {
                columns.add(column);
            }
        }
        return columns;
    }

    /**
     * The output columns of this survey: the {@code chosen} ones as gathered (except those this step makes), then
     * separation and candidates, then the status and limit columns.
     *
     * @param gathered {@link SideBySide#columns} of a {@link SideBySide} given {@link #gatheredColumns}({@code chosen})
     */
    public List<Column> output(String prefix, List<String> chosen, double[] raDeg, double[] decDeg, List<Column> gathered) {
        LoadedTable table = new LoadedTable(survey, gathered);
        List<String> made = columnNames("");
        List<Column> output = new ArrayList<>();
        for (String column : chosen) {
            if (made.stream().noneMatch(column::equalsIgnoreCase)) {
                output.add(table.require(prefix + column, "gathered"));
            }
        }
        output.add(table.require(prefix + "separation_arcsec", "separation"));
        output.add(table.require(prefix + "candidates", "candidates"));
        output.addAll(columns(prefix, raDeg, decDeg, table));
        return output;
    }
}
