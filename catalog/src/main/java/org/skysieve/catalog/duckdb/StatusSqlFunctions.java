package org.skysieve.catalog.duckdb;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;
import org.skysieve.catalog.status.BandStatusMap;
import org.skysieve.catalog.status.CoverageStatus;
import org.skysieve.catalog.status.StatusMaps;

/**
 * Registers the status look-ups of an archive's survey bands on a DuckDB connection (and the database it belongs to):
 * <ul>
 *   <li>{@value #COVERAGE}{@code (survey VARCHAR, band VARCHAR, ra_deg DOUBLE, dec_deg DOUBLE) -> VARCHAR}:
 *       {@code observed}, {@code masked} or {@code unobserved} ({@link BandStatusMap#status});</li>
 *   <li>{@value #LIMIT}{@code (survey, band, ra_deg, dec_deg) -> DOUBLE}: the 5-sigma limiting magnitude, null where
 *       unobserved or where the band has no depth map ({@link BandStatusMap#limitMag}).</li>
 * </ul>
 * <p>When survey and band are known before the query runs, {@value #COVERAGE_CODE} and {@value #LIMIT_OF_KEY} take
 * instead a band key, the index of {@code survey/band} in {@link #bandKeys} of the same survey bands: no string is
 * read per row (reading a string from a DuckDB vector is a native call), about twice as fast.
 *
 * <p>Vectorised: one order-29 hash per row and binary searches in the maps; the band's maps are looked up once per run
 * of rows naming the same survey and band. Any null argument gives null. An unknown survey or band, or a position out
 * of range (ra outside [0, 360], dec outside [-90, 90], NaN), fails the query with the {@code StatusMapException}'s
 * message (DuckDB's JDBC driver may lose it when results are streamed: the query engine recovers it per query).
 * Safe for DuckDB's threads: {@link StatusMaps} and {@link BandStatusMap} are thread-safe.
 */
public final class StatusSqlFunctions {
    public static final String COVERAGE = "skysieve_coverage";
    public static final String LIMIT = "skysieve_limit";
    /** {@code (band_key INTEGER, ra_deg DOUBLE, dec_deg DOUBLE) -> INTEGER}: 0 observed, 1 masked, 2 unobserved. */
    public static final String COVERAGE_CODE = "skysieve_coverage_code";
    /** {@code (band_key INTEGER, ra_deg DOUBLE, dec_deg DOUBLE) -> DOUBLE}: as {@value #LIMIT}. */
    public static final String LIMIT_OF_KEY = "skysieve_limit_of_key";
    /** The words of the codes of {@value #COVERAGE_CODE}, in order. */
    public static final java.util.List<String> COVERAGE_WORDS = java.util.List.of("observed", "masked", "unobserved");

    private StatusSqlFunctions() {
    }

    /** {@code survey/band} of every band of {@code statusBands} (survey to band names), sorted: a band key is an index. */
    public static java.util.List<String> bandKeys(java.util.Map<String, java.util.List<String>> statusBands) {
        return statusBands.entrySet().stream().flatMap(entry -> entry.getValue().stream().map(band -> entry.getKey() + "/" + band))
                .sorted().toList();
    }

    /**
     * Registers the functions over {@code maps} on {@code connection}, band keys numbering {@code statusBands}
     * ({@link #bandKeys}).
     */
    public static void register(Connection connection, StatusMaps maps, java.util.Map<String, java.util.List<String>> statusBands)
            throws SQLException {
        requireNonNull(connection, "connection is null");
        requireNonNull(maps, "maps is null");
        java.util.List<String> keys = bandKeys(statusBands);
        BandStatusMap[] byKey = new BandStatusMap[keys.size()];
        registerKeyed(connection, index -> {
            BandStatusMap map = byKey[index];
            if (map == null) {
                // several DuckDB threads may read the maps at once: StatusMaps keeps one copy; the array only caches it
                String[] surveyAndBand = keys.get(index).split("/", 2);
                map = maps.band(surveyAndBand[0], surveyAndBand[1]);
                byKey[index] = map;
            }
            return map;
        });
        DuckDBFunctions.scalarFunction()
                .withName(COVERAGE)
                .withParameters(DuckDBColumnType.VARCHAR, DuckDBColumnType.VARCHAR, DuckDBColumnType.DOUBLE, DuckDBColumnType.DOUBLE)
                .withReturnType(DuckDBColumnType.VARCHAR)
                .withVectorizedFunction((input, output) -> apply(maps, input.vector(0), input.vector(1),
                        input.vector(2), input.vector(3), input.rowCount(), output, true))
                .register(connection);
        DuckDBFunctions.scalarFunction()
                .withName(LIMIT)
                .withParameters(DuckDBColumnType.VARCHAR, DuckDBColumnType.VARCHAR, DuckDBColumnType.DOUBLE, DuckDBColumnType.DOUBLE)
                .withReturnType(DuckDBColumnType.DOUBLE)
                .withVectorizedFunction((input, output) -> apply(maps, input.vector(0), input.vector(1),
                        input.vector(2), input.vector(3), input.rowCount(), output, false))
                .register(connection);
    }

    /**
     * Registers only {@value #COVERAGE_CODE} and {@value #LIMIT_OF_KEY} on {@code connection}, the band key being the
     * index in {@code bands} (for ingest, whose maps are not yet published in an archive).
     */
    public static void registerBands(Connection connection, java.util.List<BandStatusMap> bands) throws SQLException {
        requireNonNull(connection, "connection is null");
        java.util.List<BandStatusMap> copy = java.util.List.copyOf(requireNonNull(bands, "bands is null"));
        registerKeyed(connection, copy::get);
    }

    private static void registerKeyed(Connection connection, java.util.function.IntFunction<BandStatusMap> byKey)
            throws SQLException {
        for (boolean coverage : new boolean[] {true, false}) {
            DuckDBFunctions.scalarFunction()
                    .withName(coverage ? COVERAGE_CODE : LIMIT_OF_KEY)
                    .withParameters(DuckDBColumnType.INTEGER, DuckDBColumnType.DOUBLE, DuckDBColumnType.DOUBLE)
                    .withReturnType(coverage ? DuckDBColumnType.INTEGER : DuckDBColumnType.DOUBLE)
                    .withVectorizedFunction((input, output) -> applyKeyed(byKey, input.vector(0),
                            input.vector(1), input.vector(2), input.rowCount(), output, coverage))
                    .register(connection);
        }
    }

    private static void applyKeyed(java.util.function.IntFunction<BandStatusMap> byKey, DuckDBReadableVector key,
                                   DuckDBReadableVector raDeg, DuckDBReadableVector decDeg, long rows, DuckDBWritableVector output,
                                   boolean coverage) {
        for (long row = 0; row < rows; row++) {
            if (key.isNull(row) || raDeg.isNull(row) || decDeg.isNull(row)) {
                output.setNull(row);
                continue;
            }
            BandStatusMap map = byKey.apply(key.getInt(row));
            long hash29 = BandStatusMap.positionHash29(raDeg.getDouble(row), decDeg.getDouble(row));
            if (coverage) {
                output.setInt(row, map.statusOfHash(hash29).ordinal());
            } else {
                double limit = map.limitOfHash(hash29);
                if (Double.isNaN(limit)) {
                    output.setNull(row);
                } else {
                    output.setDouble(row, limit);
                }
            }
        }
    }

    private static void apply(StatusMaps maps, DuckDBReadableVector survey, DuckDBReadableVector band, DuckDBReadableVector raDeg,
                              DuckDBReadableVector decDeg, long rows, DuckDBWritableVector output, boolean coverage) {
        String lastSurvey = null;
        String lastBand = null;
        BandStatusMap map = null;
        for (long row = 0; row < rows; row++) {
            if (survey.isNull(row) || band.isNull(row) || raDeg.isNull(row) || decDeg.isNull(row)) {
                output.setNull(row);
                continue;
            }
            String surveyName = survey.getString(row);
            String bandName = band.getString(row);
            if (map == null || !surveyName.equals(lastSurvey) || !bandName.equals(lastBand)) {
                map = maps.band(surveyName, bandName);
                lastSurvey = surveyName;
                lastBand = bandName;
            }
            long hash29 = BandStatusMap.positionHash29(raDeg.getDouble(row), decDeg.getDouble(row));
            if (coverage) {
                output.setString(row, word(map.statusOfHash(hash29)));
            } else {
                double limit = map.limitOfHash(hash29);
                if (Double.isNaN(limit)) {
                    output.setNull(row);
                } else {
                    output.setDouble(row, limit);
                }
            }
        }
    }

    private static String word(CoverageStatus status) {
        return switch (status) {
            case OBSERVED -> "observed";
            case MASKED -> "masked";
            case UNOBSERVED -> "unobserved";
        };
    }
}
