package org.skysieve.sky.wcs;

/**
 * A smooth distortion of the plane, {@code (a, b) -> (a', b')}, in one of the two places FITS WCS allows it (Calabretta
 * et al., WCS Paper IV): before the linear transformation, on pixel offsets from CRPIX (SIP), or after it, on
 * intermediate world coordinates in degrees (TPV). Implementations are immutable and thread-safe.
 */
interface Distortion {
    /** Writes the distorted position of ({@code a}, {@code b}) into {@code out[0..1]}. */
    void apply(double a, double b, double[] out);

    /**
     * A first guess of the undistorted position of ({@code a}, {@code b}) for {@link #invert}: the distorted position
     * itself unless the convention gives an approximate inverse (SIP's AP/BP).
     */
    default void guessInverse(double a, double b, double[] out) {
        out[0] = a;
        out[1] = b;
    }

    /** The size of a step in the coordinates worth resolving: the inverse stops when the residual is below it. */
    double resolution();

    /**
     * The undistorted position of ({@code a}, {@code b}) by Newton's method on {@link #apply} from {@link #guessInverse}
     * (a numerical Jacobian: its error slows convergence but not the fixed point, the residual being exact). Returns
     * false when it does not converge (far outside the region the polynomial was fitted on).
     */
    default boolean invert(double a, double b, double[] out) {
        double[] guess = new double[2];
        guessInverse(a, b, guess);
        double u = guess[0];
        double v = guess[1];
        double[] value = new double[2];
        double[] shifted = new double[2];
        double step = resolution() * 1e4;
        double tolerance = resolution();
        for (int iteration = 0; iteration < 60; iteration++) {
            apply(u, v, value);
            double residualA = value[0] - a;
            double residualB = value[1] - b;
            if (!Double.isFinite(residualA) || !Double.isFinite(residualB)) {
                return false;
            }
            if (Math.abs(residualA) < tolerance && Math.abs(residualB) < tolerance) {
                out[0] = u;
                out[1] = v;
                return true;
            }
            apply(u + step, v, shifted);
            double dAdU = (shifted[0] - value[0]) / step;
            double dBdU = (shifted[1] - value[1]) / step;
            apply(u, v + step, shifted);
            double dAdV = (shifted[0] - value[0]) / step;
            double dBdV = (shifted[1] - value[1]) / step;
            double determinant = dAdU * dBdV - dAdV * dBdU;
            if (!Double.isFinite(determinant) || determinant == 0.0) {
                return false;
            }
            u -= (dBdV * residualA - dAdV * residualB) / determinant;
            v -= (-dBdU * residualA + dAdU * residualB) / determinant;
        }
        return false;
    }
}
