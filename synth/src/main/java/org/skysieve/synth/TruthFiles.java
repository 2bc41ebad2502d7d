package org.skysieve.synth;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.MissingStatus;
import org.skysieve.catalog.model.SurveyJson;

/**
 * Publishes the truth from the staging part files. Each file carries its column documentation
 * ({@link TruthColumns}) in its Parquet key/value metadata.
 *
 * <ul>
 *   <li>{@code truth/sources.parquet}: true_id, class (star, galaxy, quasar), ra, dec (deg, ICRS, epoch 2016.0),
 *       pmra (times cos dec), pmdec (mas/yr), parallax (mas; pm and parallax are 0 for galaxies and quasars),
 *       redshift (null for stars), half_light_radius (arcsec), ellipticity (1 - b/a), position_angle (deg east of
 *       north) (all three null except for galaxies), and the true AB magnitudes {@code mag_u ... mag_w2} (see
 *       {@link Passband#truthColumn()}).</li>
 *   <li>{@code truth/observations.parquet}: one row per true source, survey and band: true_id, survey, band (the
 *       survey's band name), status (detected, undetected, masked, unobserved), source_id (the catalogue row the
 *       source became, whatever its status in this band; null when it made no row), maglim (5-sigma limit at the
 *       position; null when masked or unobserved), is_primary (false when the source is a fainter component blended
 *       into a brighter one's measurement, whether or not that made a row).</li>
 *   <li>{@code truth/spurious.parquet}: survey, source_id, ra, dec, band: catalogue rows with no true source.</li>
 * </ul>
 */
final class TruthFiles {
    static final String SPURIOUS_FILE = "spurious.parquet";

    private TruthFiles() {
    }

    static void write(StagingStore store, ArchiveLayout layout, List<SurveySpec> surveys) throws SQLException {
        String surveyNames = surveys.stream().map(s -> quote(s.name())).collect(Collectors.joining(", ", "[", "]"));
        String bandNames = surveys.stream()
                .map(s -> s.bands().stream().map(b -> quote(b.name())).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "[", "]"));
        String statuses = List.of(MissingStatus.values()).stream().map(s -> quote(s.word())).collect(Collectors.joining(", ", "[", "]"));
        StringBuilder magnitudes = new StringBuilder();
        for (Passband band : Passband.all()) {
            magnitudes.append(", ").append(band.truthColumn());
        }
        try (Statement statement = store.connection().createStatement()) {
            copy(statement, "SELECT true_id, (['star', 'galaxy', 'quasar'])[class_code + 1] AS class, ra, dec, pmra, pmdec, parallax,"
                    + " redshift, half_light_radius, ellipticity, position_angle" + magnitudes
                    + " FROM read_parquet('" + store.parts(StagingStore.SOURCES) + "')", layout.truthSources(),
                    "The true sources of the synthetic universe.", TruthColumns.sources());
            copy(statement, "SELECT true_id, (" + surveyNames + ")[survey_code] AS survey, (" + bandNames + ")[survey_code][band_code + 1] AS band,"
                    + " (" + statuses + ")[status_code + 1] AS status, source_id, maglim, is_primary"
                    + " FROM read_parquet('" + store.parts(StagingStore.OBSERVATIONS) + "')", layout.truthObservations(),
                    "What each survey made of each true source in each band.", TruthColumns.observations());
            copy(statement, "SELECT (" + surveyNames + ")[survey_code] AS survey, source_id, ra, dec,"
                    + " (" + bandNames + ")[survey_code][band_code + 1] AS band"
                    + " FROM read_parquet('" + store.parts(StagingStore.SPURIOUS) + "')", layout.truthFolder().resolve(SPURIOUS_FILE),
                    "Catalogue rows that belong to no true source.", TruthColumns.spurious());
        }
    }

    private static void copy(Statement statement, String select, Path target, String description, List<ColumnDoc> columns)
            throws SQLException {
        statement.execute("COPY (" + select + ") TO '" + target + "' (FORMAT parquet, COMPRESSION zstd, KV_METADATA {"
                + quote(TruthColumns.DESCRIPTION_KEY) + ": " + quote(description) + ", "
                + quote(TruthColumns.COLUMNS_KEY) + ": " + quote(SurveyJson.toJson(columns)) + "})");
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
