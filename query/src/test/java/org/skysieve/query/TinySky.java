package org.skysieve.query;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.skysieve.synth.SkyGenerator;
import org.skysieve.synth.SkyScale;

/** A tiny generated sky (RA 0 +- 0.12 deg, Dec -10 +- 0.1 deg) and helpers to read query results in tests. */
final class TinySky {
    static final QueryOptions UNLIMITED = QueryOptions.of(100_000_000L, Duration.ofMinutes(1));

    private TinySky() {
    }

    static void generate(Path folder) {
        SkyGenerator.generate(folder, 7L, SkyScale.TINY, message -> { });
    }

    /** A position and id of one row. */
    record Row(long id, double raDeg, double decDeg) {
    }

    static List<Row> positions(QueryEngine engine, String adql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (QueryResult result = engine.execute(adql, UNLIMITED)) {
            while (result.next()) {
                rows.add(new Row(result.rows().getLong(1), result.rows().getDouble(2), result.rows().getDouble(3)));
            }
        }
        return rows;
    }

    static List<Long> longs(QueryEngine engine, String adql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (QueryResult result = engine.execute(adql, UNLIMITED)) {
            while (result.next()) {
                values.add(result.rows().getLong(1));
            }
        }
        return values;
    }

    /** Angular distance in degrees by the haversine formula. */
    static double distanceDeg(double ra1Deg, double dec1Deg, double ra2Deg, double dec2Deg) {
        double dLat = Math.toRadians(dec2Deg - dec1Deg);
        double dLon = Math.toRadians(ra2Deg - ra1Deg);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(dec1Deg)) * Math.cos(Math.toRadians(dec2Deg)) * Math.pow(Math.sin(dLon / 2), 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(a))));
    }
}
