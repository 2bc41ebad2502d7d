package org.skysieve.catalog.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;
import org.skysieve.sky.healpix.HealpixNested;

/**
 * Registers {@value #NAME}{@code (ra_deg DOUBLE, dec_deg DOUBLE) -> BIGINT} on a DuckDB connection: the HEALPix
 * NESTED index at order 29 of a position in degrees, computed by {@link HealpixNested#hash}.
 *
 * <p>A null input gives null. DuckDB may call the function from several threads at once; {@link HealpixNested#hash}
 * is a pure function, so that is safe. Inputs must be finite with dec in [-90, 90] (validate before calling).
 */
public final class HealpixSqlFunction {
    public static final String NAME = "skysieve_healpix29";

    private HealpixSqlFunction() {
    }

    /** Registers the function on {@code connection} (and the database it belongs to). */
    public static void register(Connection connection) throws SQLException {
        DuckDBFunctions.scalarFunction()
                .withName(NAME)
                .withParameters(DuckDBColumnType.DOUBLE, DuckDBColumnType.DOUBLE)
                .withReturnType(DuckDBColumnType.BIGINT)
                .withVectorizedFunction((input, output) -> apply(input.vector(0), input.vector(1), input.rowCount(), output))
                .register(connection);
    }

    private static void apply(DuckDBReadableVector raDeg, DuckDBReadableVector decDeg, long rows, DuckDBWritableVector output) {
        for (long row = 0; row < rows; row++) {
            if (raDeg.isNull(row) || decDeg.isNull(row)) {
                output.setNull(row);
            } else {
                output.setLong(row, HealpixNested.hash(HealpixNested.MAX_DEPTH,
                        Math.toRadians(raDeg.getDouble(row)), Math.toRadians(decDeg.getDouble(row))));
            }
        }
    }
}
