package org.skysieve.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.status.BandStatusMap;
import org.skysieve.catalog.status.CoverageStatus;
import org.skysieve.catalog.status.StatusMaps;

/**
 * The correctness report of issue 5: for every true source, survey and band of a generated sky, the status skysieve
 * gives against the truth ({@code truth/observations.parquet}), as agreement per status class. Two answers are
 * checked:
 * <ul>
 *   <li>maps: {@code detected} where the truth has a catalogue row, otherwise {@code undetected}/{@code masked}/
 *       {@code unobserved} from the band's maps at the true position moved to the survey's epoch (what
 *       {@code sieve_coverage} answers);</li>
 *   <li>catalogue: the catalogue's own status column of the band (documented with UCD {@code meta.code.status}) on
 *       the row each detected-or-blended true source became.</li>
 * </ul>
 * {@code java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.StatusAgreementReport DATA}
 */
public final class StatusAgreementReport {
    private StatusAgreementReport() {
    }

    public static void main(String[] arguments) throws Exception {
        Path data = Path.of(arguments.length > 0 ? arguments[0] : "demo-data");
        Archive archive = Archive.open(data);
        StatusMaps maps = new StatusMaps(archive);
        Map<MissingStatus, long[]> overall = new EnumMap<>(MissingStatus.class);
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIEW truth AS SELECT * FROM read_parquet('" + archive.layout().truthSources() + "')");
            statement.execute("CREATE VIEW obs AS SELECT * FROM read_parquet('" + archive.layout().truthObservations() + "')");
            System.out.println("survey band: per truth class, agreeing/total (maps); catalogue status column on matched rows");
            for (PublishedSurvey survey : archive.surveys()) {
                double dtYears = survey.survey().epochYear() - 2016.0;
                PublishedTable table = survey.tables().get(0);
                for (Band band : survey.survey().bands()) {
                    BandStatusMap map = maps.band(survey.survey().name(), band.name());
                    Optional<ColumnDoc> statusColumn = table.table().columns().stream()
                            .filter(c -> c.band().map(band.name()::equals).orElse(false) && c.ucd().startsWith("meta.code.status"))
                            .findFirst();
                    List<double[]> positions = new ArrayList<>();
                    List<MissingStatus> truths = new ArrayList<>();
                    List<Boolean> rows = new ArrayList<>();
                    try (ResultSet result = statement.executeQuery("SELECT (t.ra + t.pmra * " + dtYears
                            + " / 3.6e6 / cos(radians(t.dec)) + 360) % 360, greatest(-90, least(90, t.dec + t.pmdec * " + dtYears + " / 3.6e6)),"
                            + " o.status, o.source_id IS NOT NULL FROM obs o JOIN truth t USING (true_id)"
                            + " WHERE o.survey = '" + survey.survey().name() + "' AND o.band = '" + band.name() + "'")) {
                        while (result.next()) {
                            positions.add(new double[] {result.getDouble(1), result.getDouble(2)});
                            truths.add(MissingStatus.fromWord(result.getString(3)));
                            rows.add(result.getBoolean(4));
                        }
                    }
                    double[] ra = positions.stream().mapToDouble(p -> p[0]).toArray();
                    double[] dec = positions.stream().mapToDouble(p -> p[1]).toArray();
                    CoverageStatus[] statuses = map.statuses(ra, dec);
                    Map<MissingStatus, long[]> perClass = new EnumMap<>(MissingStatus.class);
                    for (int i = 0; i < statuses.length; i++) {
                        MissingStatus truth = truths.get(i);
                        MissingStatus given = switch (statuses[i]) {
                            case OBSERVED -> truth == MissingStatus.DETECTED && rows.get(i) ? MissingStatus.DETECTED : MissingStatus.UNDETECTED;
                            case MASKED -> MissingStatus.MASKED;
                            case UNOBSERVED -> MissingStatus.UNOBSERVED;
                        };
                        for (Map<MissingStatus, long[]> counts : List.of(perClass, overall)) {
                            long[] count = counts.computeIfAbsent(truth, status -> new long[2]);
                            count[0]++;
                            count[1] += given == truth ? 1 : 0;
                        }
                    }
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s %-3s", survey.survey().name(), band.name()));
                    perClass.forEach((status, count) -> line.append(String.format(Locale.ROOT, "  %s %d/%d (%.3f%%)", status.word(), count[1],
                            count[0], 100.0 * count[1] / count[0])));
                    statusColumn.ifPresent(column -> line.append("; catalogue ").append(column.name()).append(": ")
                            .append(catalogueAgreement(statement, table, column, survey.survey().name(), band.name())));
                    System.out.println(line);
                }
            }
        }
        long total = overall.values().stream().mapToLong(count -> count[0]).sum();
        long agreeing = overall.values().stream().mapToLong(count -> count[1]).sum();
        StringBuilder line = new StringBuilder("overall");
        overall.forEach((status, count) -> line.append(String.format(Locale.ROOT, "  %s %d/%d (%.3f%%)", status.word(), count[1], count[0],
                100.0 * count[1] / count[0])));
        System.out.printf(Locale.ROOT, "%s; all %d/%d (%.3f%%)%n", line, agreeing, total, 100.0 * agreeing / total);
    }

    /** The catalogue's status column on the rows true sources became, against the truth: agreeing/total. */
    private static String catalogueAgreement(Statement statement, PublishedTable table, ColumnDoc column, String survey, String band) {
        String files = table.catalogueFolder().resolve("dataset").toAbsolutePath() + "/**/*.parquet";
        String sql = "SELECT count(*), count(*) FILTER (WHERE c.\"" + column.name() + "\" = o.status)"
                + " FROM obs o JOIN read_parquet('" + files + "') c ON c.\"" + table.table().idColumn() + "\" = o.source_id"
                + " WHERE o.survey = '" + survey + "' AND o.band = '" + band + "'";
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            long total = result.getLong(1);
            return String.format(Locale.ROOT, "%d/%d (%.3f%%)", result.getLong(2), total, total == 0 ? 100.0 : 100.0 * result.getLong(2) / total);
        } catch (java.sql.SQLException e) {
            return "not compared (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }
}
