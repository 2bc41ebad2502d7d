package org.skysieve.sky.wcs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SIP convention (Shupe et al. 2005): a polynomial distortion of pixel offsets from CRPIX, applied before the CD
 * matrix: {@code u' = u + sum A_p_q u^p v^q}, {@code v' = v + sum B_p_q u^p v^q}, {@code 2 <= p + q <= order} as the
 * convention has it, though lower terms are honoured when present. The optional reverse polynomials AP/BP give
 * {@code u = U + sum AP_p_q U^p V^q}; they are only a first guess here, refined by Newton's method on the forward
 * polynomial, so that a round trip pixel -&gt; sky -&gt; pixel is exact to 1e-9 pixel whether or not AP/BP are present
 * (astropy's {@code all_world2pix} iterates too). Immutable.
 */
final class SipDistortion implements Distortion {
    private final double[][] a;
    private final double[][] b;
    private final double[][] reverseA;
    private final double[][] reverseB;

    private SipDistortion(double[][] a, double[][] b, double[][] reverseA, double[][] reverseB) {
        this.a = a;
        this.b = b;
        this.reverseA = reverseA;
        this.reverseB = reverseB;
    }

    /** Reads A_ORDER, A_p_q, B_ORDER, B_p_q and (optional, both or neither) AP_ORDER, AP_p_q, BP_ORDER, BP_p_q. */
    static SipDistortion fromCards(Map<String, String> cards, String ctypeKeyword) {
        double[][] a = coefficients(cards, "A", true, ctypeKeyword);
        double[][] b = coefficients(cards, "B", true, ctypeKeyword);
        double[][] reverseA = coefficients(cards, "AP", false, ctypeKeyword);
        double[][] reverseB = coefficients(cards, "BP", false, ctypeKeyword);
        if ((reverseA == null) != (reverseB == null)) {
            throw new WcsException("Expected both AP_ORDER and BP_ORDER or neither. Actual: only "
                    + (reverseA == null ? "BP_ORDER" : "AP_ORDER"));
        }
        return new SipDistortion(a, b, reverseA, reverseB);
    }

    private static double[][] coefficients(Map<String, String> cards, String prefix, boolean required,
            String ctypeKeyword) {
        String orderKeyword = prefix + "_ORDER";
        String orderText = cards.get(orderKeyword);
        if (orderText == null) {
            if (required) {
                throw new WcsException("Expected " + orderKeyword + " with " + ctypeKeyword
                        + " naming a SIP distortion. Actual: no " + orderKeyword + " card");
            }
            return null;
        }
        double orderValue = HeaderNumbers.number(cards, orderKeyword, Double.NaN);
        if (orderValue != Math.rint(orderValue) || orderValue < 0 || orderValue > 9) {
            throw new WcsException("Expected " + orderKeyword + " an integer from 0 to 9. Actual: '" + orderText + "'");
        }
        int order = (int) orderValue;
        double[][] terms = new double[order + 1][order + 1];
        for (int p = 0; p <= order; p++) {
            for (int q = 0; p + q <= order; q++) {
                terms[p][q] = HeaderNumbers.number(cards, prefix + "_" + p + "_" + q, 0.0);
            }
        }
        return terms;
    }

    @Override
    public void apply(double u, double v, double[] out) {
        double du = polynomial(a, u, v);
        double dv = polynomial(b, u, v);
        out[0] = u + du;
        out[1] = v + dv;
    }

    @Override
    public void guessInverse(double u, double v, double[] out) {
        if (reverseA == null) {
            out[0] = u;
            out[1] = v;
            return;
        }
        double du = polynomial(reverseA, u, v);
        double dv = polynomial(reverseB, u, v);
        out[0] = u + du;
        out[1] = v + dv;
    }

    @Override
    public double resolution() {
        return 1e-10;
    }

    /** The header cards of this distortion (A_ORDER, A_p_q, ..., AP/BP when present), FITS value text. */
    Map<String, String> toCards() {
        Map<String, String> cards = new LinkedHashMap<>();
        put(cards, "A", a);
        put(cards, "B", b);
        if (reverseA != null) {
            put(cards, "AP", reverseA);
            put(cards, "BP", reverseB);
        }
        return cards;
    }

    private static void put(Map<String, String> cards, String prefix, double[][] terms) {
        int order = terms.length - 1;
        cards.put(prefix + "_ORDER", Integer.toString(order));
        for (int p = 0; p <= order; p++) {
            for (int q = 0; p + q <= order; q++) {
                if (terms[p][q] != 0.0) {
                    cards.put(prefix + "_" + p + "_" + q, HeaderNumbers.text(terms[p][q]));
                }
            }
        }
    }

    /** sum terms[p][q] u^p v^q by Horner's rule in v within each power of u. */
    private static double polynomial(double[][] terms, double u, double v) {
        double sum = 0.0;
        double uPower = 1.0;
        for (int p = 0; p < terms.length; p++) {
            double inner = 0.0;
            for (int q = terms.length - 1 - p; q >= 0; q--) {
                inner = inner * v + terms[p][q];
            }
            sum += inner * uPower;
            uPower *= u;
        }
        return sum;
    }
}
