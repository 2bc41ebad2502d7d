package org.skysieve.images;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.synth.ImagingBands.ImagingBand;
import org.skysieve.synth.ImagingBands.ImagingSurvey;

/** Reads the truth ({@code truth/sources.parquet}) for one imaging survey, moved to the survey's epoch. */
final class TruthReader {
    private static final double TRUTH_EPOCH_YEAR = 2016.0;

    private TruthReader() {
    }

    static List<TruthSource> read(Path sourcesParquet, ImagingSurvey survey) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ra, dec, pmra, pmdec, class = 'galaxy' AS galaxy,"
                + " coalesce(half_light_radius, 0), coalesce(ellipticity, 0), coalesce(position_angle, 0)");
        for (ImagingBand band : survey.bands()) {
            sql.append(", ").append(SqlText.identifier(band.truthColumn()));
        }
        sql.append(" FROM read_parquet(").append(SqlText.literal(sourcesParquet.toString())).append(")");
        double years = survey.epochYear() - TRUTH_EPOCH_YEAR;
        List<TruthSource> sources = new ArrayList<>();
        try (Connection connection = DuckDbConnections.openInMemory();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql.toString())) {
            int bandCount = survey.bands().size();
            while (rows.next()) {
                double decDeg = rows.getDouble(2) + rows.getDouble(4) * years / 3.6e6;
                double raDeg = rows.getDouble(1)
                        + rows.getDouble(3) * years / 3.6e6 / Math.max(1e-6, Math.cos(Math.toRadians(decDeg)));
                float[] magnitudes = new float[bandCount];
                for (int b = 0; b < bandCount; b++) {
                    float magnitude = rows.getFloat(9 + b);
                    magnitudes[b] = rows.wasNull() ? Float.NaN : magnitude;
                }
                sources.add(new TruthSource(raDeg, Math.max(-90, Math.min(90, decDeg)), rows.getBoolean(5),
                        rows.getDouble(6), rows.getDouble(7), rows.getDouble(8), magnitudes));
            }
        }
        return sources;
    }
}
