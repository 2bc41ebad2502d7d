package org.skysieve.xmatch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.archive.PublishedTable;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.catalog.model.ColumnDoc;

/**
 * The best-neighbour radius of two surveys, from their astrometric errors: {@value #SIGMAS} times the combined per-axis
 * error sqrt(e1^2 + e2^2), where each survey's error is the {@value #QUANTILE} quantile of its positional error column
 * (the first column whose UCD starts with {@code stat.error;pos.eq}, in arcsec or mas). A true pair whose separation
 * follows the Rayleigh law of that combined error lies beyond 5 sigma with probability exp(-12.5), about 4e-6; the
 * quantile keeps the faint sources, whose errors are largest. Bounded to [{@value #MIN_RADIUS_ARCSEC},
 * {@value #MAX_RADIUS_ARCSEC}] arcsec; a survey without an error column counts {@value #DEFAULT_ERROR_ARCSEC} arcsec.
 * Stateless.
 */
public final class NeighbourRadius {
    static final double SIGMAS = 5.0;
    static final double QUANTILE = 0.99;
    static final double MIN_RADIUS_ARCSEC = 0.1;
    static final double MAX_RADIUS_ARCSEC = 5.0;
    static final double DEFAULT_ERROR_ARCSEC = 0.2;

    private NeighbourRadius() {
    }

    /** The radius in arcsec for the surveys {@code survey} and {@code neighbourSurvey} of {@code archive}. */
    public static double arcsec(Archive archive, String survey, String neighbourSurvey) {
        double first = errorArcsec(archive, survey).orElse(DEFAULT_ERROR_ARCSEC);
        double second = errorArcsec(archive, neighbourSurvey).orElse(DEFAULT_ERROR_ARCSEC);
        double radius = SIGMAS * Math.hypot(first, second);
        return Math.max(MIN_RADIUS_ARCSEC, Math.min(MAX_RADIUS_ARCSEC, radius));
    }

    /** The {@value #QUANTILE} quantile of the survey's per-axis positional error in arcsec; empty when it has no error column. */
    public static Optional<Double> errorArcsec(Archive archive, String surveyName) {
        PublishedSurvey survey = archive.survey(surveyName).orElseThrow(() -> new IllegalArgumentException("Expected a survey among "
                + archive.surveys().stream().map(s -> s.survey().name()).toList() + ". Actual: " + surveyName));
        PublishedTable table = survey.tables().get(0);
        Optional<ColumnDoc> column = table.table().columns().stream()
                .filter(c -> c.ucd().toLowerCase(Locale.ROOT).startsWith("stat.error;pos.eq"))
                .filter(c -> toArcsec(c.unit()) > 0)
                .findFirst();
        if (column.isEmpty()) {
            return Optional.empty();
        }
        HatsCatalog catalog = HatsCatalog.open(table.catalogueFolder());
        String sql = "SELECT quantile_cont(\"" + column.get().name().replace("\"", "\"\"") + "\", " + QUANTILE + ") FROM read_parquet("
                + catalog.duckDbFileList() + ", hive_partitioning = false)";
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            double value = rows.getDouble(1);
            return rows.wasNull() || !(value > 0) ? Optional.empty() : Optional.of(value * toArcsec(column.get().unit()));
        } catch (SQLException e) {
            throw new IllegalArgumentException("Could not read the positional errors of " + surveyName + ": " + e.getMessage(), e);
        }
    }

    private static double toArcsec(String unit) {
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "arcsec" -> 1.0;
            case "mas" -> 0.001;
            default -> 0.0;
        };
    }
}
