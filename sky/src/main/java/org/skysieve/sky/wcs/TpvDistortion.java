package org.skysieve.sky.wcs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TPV convention (fits.gsfc.nasa.gov/registry/tpvwcs): a polynomial of the intermediate world coordinates (x, y),
 * in degrees, applied after the CD matrix and before the TAN projection. {@code xi = sum PVl_k T_k(x, y)} and
 * {@code eta = sum PVb_k T_k(y, x)} (the same terms with the roles of x and y swapped), l and b being the longitude and
 * latitude axis numbers and T_k, k = 0..39: 1, x, y, r, x^2, xy, y^2, x^3, x^2y, xy^2, y^3, r^3, then the five degree-4
 * terms, the six degree-5 terms and r^5, the seven of degree 6, the eight of degree 7 and r^7 ({@code r = sqrt(x^2 +
 * y^2)}). Missing coefficients are 0, as WCSLIB (so PVi_1 must be given, usually 1). The inverse is Newton's method.
 * Immutable.
 */
final class TpvDistortion implements Distortion {
    static final int TERM_COUNT = 40;
    /** Per term k: power of the axis's own coordinate, power of the other, power of r. */
    private static final int[][] TERMS = terms();

    private final double[] longitude;
    private final double[] latitude;

    private TpvDistortion(double[] longitude, double[] latitude) {
        this.longitude = longitude;
        this.latitude = latitude;
    }

    /** Reads PV{longitudeAxis}_k and PV{latitudeAxis}_k, k = 0..39; refuses PVi_k with k &gt; 39 or no term at all. */
    static TpvDistortion fromCards(Map<String, String> cards, int longitudeAxis, int latitudeAxis) {
        double[] longitude = coefficients(cards, longitudeAxis);
        double[] latitude = coefficients(cards, latitudeAxis);
        return new TpvDistortion(longitude, latitude);
    }

    private static double[] coefficients(Map<String, String> cards, int axis) {
        double[] coefficients = new double[TERM_COUNT];
        boolean any = false;
        for (int k = 0; k < TERM_COUNT; k++) {
            coefficients[k] = HeaderNumbers.number(cards, "PV" + axis + "_" + k, 0.0);
            any |= coefficients[k] != 0.0;
        }
        for (int k = TERM_COUNT; k < 100; k++) {
            if (HeaderNumbers.number(cards, "PV" + axis + "_" + k, 0.0) != 0.0) {
                throw new WcsException("Expected TPV coefficients PV" + axis + "_0 to PV" + axis + "_39. Actual: PV"
                        + axis + "_" + k + "=" + cards.get("PV" + axis + "_" + k));
            }
        }
        if (!any) {
            throw new WcsException("Expected PV" + axis + "_k cards with a TPV projection (PV" + axis
                    + "_1 = 1 for the identity; missing coefficients are 0). Actual: none non-zero");
        }
        return coefficients;
    }

    private static int[][] terms() {
        int[][] terms = new int[TERM_COUNT][];
        int k = 0;
        for (int degree = 0; degree <= 7; degree++) {
            for (int other = 0; other <= degree; other++) {
                terms[k++] = new int[] {degree - other, other, 0};
            }
            if (degree % 2 == 1) {
                terms[k++] = new int[] {0, 0, degree};
            }
        }
        return terms;
    }

    @Override
    public void apply(double x, double y, double[] out) {
        double r = Math.sqrt(x * x + y * y);
        double xi = polynomial(longitude, x, y, r);
        double eta = polynomial(latitude, y, x, r);
        out[0] = xi;
        out[1] = eta;
    }

    @Override
    public double resolution() {
        return 1e-13;
    }

    private static double polynomial(double[] coefficients, double own, double other, double r) {
        double sum = 0.0;
        for (int k = 0; k < TERM_COUNT; k++) {
            if (coefficients[k] != 0.0) {
                int[] term = TERMS[k];
                sum += coefficients[k] * power(own, term[0]) * power(other, term[1]) * power(r, term[2]);
            }
        }
        return sum;
    }

    private static double power(double base, int exponent) {
        double result = 1.0;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }

    /** The PV cards of this distortion for a 2-D header with the longitude on axis 1, non-zero terms only. */
    Map<String, String> toCards() {
        Map<String, String> cards = new LinkedHashMap<>();
        for (int k = 0; k < TERM_COUNT; k++) {
            if (longitude[k] != 0.0) {
                cards.put("PV1_" + k, HeaderNumbers.text(longitude[k]));
            }
        }
        for (int k = 0; k < TERM_COUNT; k++) {
            if (latitude[k] != 0.0) {
                cards.put("PV2_" + k, HeaderNumbers.text(latitude[k]));
            }
        }
        return cards;
    }
}
