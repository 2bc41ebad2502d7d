package org.skysieve.images;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.skysieve.sky.LonLat;
import org.skysieve.sky.wcs.CelestialFrame;
import org.skysieve.sky.wcs.CelestialWcs;
import org.skysieve.sky.wcs.LinearTransform;
import org.skysieve.sky.wcs.PixelPosition;
import org.skysieve.sky.wcs.Projection;
import org.skysieve.synth.FootprintDescription.TileDescription;
import org.skysieve.synth.ImagingBands.ImagingBand;
import org.skysieve.synth.MaskCircle;

/**
 * Draws one band of one tile: a square TAN image centred on the tile (north up, east left), in nanomaggies (AB zero
 * point 22.5), with
 * <ul>
 *   <li>white Gaussian sky noise whose sigma makes a point source at the tile's 5-sigma depth a 5-sigma PSF-photometry
 *       detection: {@code sigma = F(depth) / (5 sqrt(4 pi) s)}, s the PSF's Gaussian sigma in pixels (the smooth depth
 *       pattern and the edge penalty of the catalogue are not drawn);</li>
 *   <li>every true source with a magnitude in the band: stars and quasars as the PSF (a circular Gaussian of the band's
 *       FWHM), galaxies as elliptical Gaussians (sigma = half-light radius / 1.1774 along the major axis, times 1 - e
 *       along the minor, at the position angle east of north) convolved with the PSF, sampled at pixel centres;</li>
 *   <li>saturation: pixels above the peak of a point source at the band's saturation magnitude are clipped to it
 *       (header SATURATE);</li>
 *   <li>NaN (bad pixels) inside the survey's mask circles.</li>
 * </ul>
 * Photon noise of the sources is not drawn. Deterministic for (seed, tile, band).
 */
final class TileRenderer {
    static final double ZERO_POINT_MAG = 22.5;
    private static final double FWHM_PER_SIGMA = 2.0 * Math.sqrt(2.0 * Math.log(2.0));
    private static final double HALF_LIGHT_PER_SIGMA = Math.sqrt(2.0 * Math.log(2.0));
    private static final int MAX_PROFILE_RADIUS_PIXELS = 150;

    private final String survey;
    private final double pixelScaleArcsec;
    private final List<MaskCircle> masks;

    TileRenderer(String survey, double pixelScaleArcsec, List<MaskCircle> masks) {
        this.survey = requireNonNull(survey, "survey is null");
        this.pixelScaleArcsec = pixelScaleArcsec;
        this.masks = List.copyOf(masks);
    }

    /** A drawn plate: pixels (row-major from FITS y = 1), size, WCS and header cards. */
    record RenderedPlate(float[] pixels, int width, int height, CelestialWcs wcs, Map<String, String> cards) {
    }

    static CelestialWcs tileWcs(TileDescription tile, int side, double pixelScaleArcsec) {
        double scaleDeg = pixelScaleArcsec / 3600.0;
        double centre = (side + 1) / 2.0;
        return new CelestialWcs("RA---TAN", "DEC--TAN", Projection.TAN, CelestialFrame.ICRS, Double.NaN, centre, centre,
                new LinearTransform(-scaleDeg, 0.0, 0.0, scaleDeg), tile.raCentreDeg(), tile.decCentreDeg(),
                Double.NaN, Double.NaN);
    }

    static int side(TileDescription tile, double pixelScaleArcsec) {
        return (int) Math.round(tile.sizeDeg() * 3600.0 / pixelScaleArcsec);
    }

    RenderedPlate render(TileDescription tile, ImagingBand band, int bandIndex, double depthMag,
            List<TruthSource> sources, long seed) {
        int side = side(tile, pixelScaleArcsec);
        CelestialWcs wcs = tileWcs(tile, side, pixelScaleArcsec);
        double psfSigmaPixels = band.psfFwhmArcsec() / FWHM_PER_SIGMA / pixelScaleArcsec;
        double skySigma = flux(depthMag) / (5.0 * Math.sqrt(4.0 * Math.PI) * psfSigmaPixels);
        float[] pixels = new float[side * side];
        SplittableRandom random = new SplittableRandom(seed ^ (tile.id().hashCode() * 0x9E3779B97F4A7C15L)
                ^ band.band().hashCode());
        for (int index = 0; index < pixels.length; index++) {
            pixels[index] = (float) (skySigma * gaussian(random));
        }
        for (TruthSource source : sources) {
            float magnitude = source.magnitudes()[bandIndex];
            if (Float.isNaN(magnitude)) {
                continue;
            }
            wcs.worldToPixel(LonLat.ofDegrees(source.raDeg(), source.decDeg())).ifPresent(pixel -> draw(pixels, side,
                    pixel, source, flux(magnitude), psfSigmaPixels, skySigma));
        }
        double saturation = flux(band.saturationMag()) / (2.0 * Math.PI * psfSigmaPixels * psfSigmaPixels);
        for (int index = 0; index < pixels.length; index++) {
            if (pixels[index] > saturation) {
                pixels[index] = (float) saturation;
            }
        }
        int masked = mask(pixels, side, wcs);
        Map<String, String> cards = new LinkedHashMap<>(wcs.toCards());
        cards.put("BUNIT", "'nanomaggy'");
        cards.put("MAGZP", number(ZERO_POINT_MAG));
        cards.put("SURVEY", "'" + survey + "'");
        cards.put("BAND", "'" + band.band() + "'");
        cards.put("TILEID", "'" + tile.id() + "'");
        cards.put("PSFFWHM", number(band.psfFwhmArcsec()));
        cards.put("SKYSIGMA", number(skySigma));
        cards.put("MAGLIM", number(depthMag));
        cards.put("SATURATE", number(saturation));
        cards.put("NMASKED", Integer.toString(masked));
        return new RenderedPlate(pixels, side, side, wcs, cards);
    }

    private void draw(float[] pixels, int side, PixelPosition pixel, TruthSource source, double flux,
            double psfSigmaPixels, double skySigma) {
        // covariance of the drawn profile in pixels: galaxy shape (x = west, y = north) plus the PSF
        double xx = psfSigmaPixels * psfSigmaPixels;
        double yy = xx;
        double xy = 0.0;
        if (source.galaxy() && source.halfLightRadiusArcsec() > 0) {
            double major = source.halfLightRadiusArcsec() / HALF_LIGHT_PER_SIGMA / pixelScaleArcsec;
            double minor = major * Math.max(0.05, 1.0 - source.ellipticity());
            double angle = Math.toRadians(source.positionAngleDeg());
            double ux = -Math.sin(angle);
            double uy = Math.cos(angle);
            xx += major * major * ux * ux + minor * minor * uy * uy;
            yy += major * major * uy * uy + minor * minor * ux * ux;
            xy += (major * major - minor * minor) * ux * uy;
        }
        double determinant = xx * yy - xy * xy;
        double peak = flux / (2.0 * Math.PI * Math.sqrt(determinant));
        double floor = 0.05 * skySigma;
        if (peak < floor) {
            return;
        }
        double largestSigma = Math.sqrt(Math.max(xx, yy) + Math.abs(xy));
        int radius = (int) Math.min(MAX_PROFILE_RADIUS_PIXELS,
                Math.ceil(largestSigma * Math.sqrt(2.0 * Math.log(peak / floor))) + 1);
        double centreX = pixel.x() - 1.0;
        double centreY = pixel.y() - 1.0;
        int xMin = Math.max(0, (int) Math.floor(centreX) - radius);
        int xMax = Math.min(side - 1, (int) Math.ceil(centreX) + radius);
        int yMin = Math.max(0, (int) Math.floor(centreY) - radius);
        int yMax = Math.min(side - 1, (int) Math.ceil(centreY) + radius);
        double inverseXx = yy / determinant;
        double inverseYy = xx / determinant;
        double inverseXy = -xy / determinant;
        for (int y = yMin; y <= yMax; y++) {
            double dy = y - centreY;
            for (int x = xMin; x <= xMax; x++) {
                double dx = x - centreX;
                double exponent = 0.5 * (inverseXx * dx * dx + 2.0 * inverseXy * dx * dy + inverseYy * dy * dy);
                if (exponent < 20.0) {
                    pixels[y * side + x] += (float) (peak * Math.exp(-exponent));
                }
            }
        }
    }

    private int mask(float[] pixels, int side, CelestialWcs wcs) {
        int masked = 0;
        for (MaskCircle circle : masks) {
            var centre = wcs.worldToPixel(LonLat.ofDegrees(circle.raDeg(), circle.decDeg()));
            if (centre.isEmpty()) {
                continue;
            }
            double radiusPixels = circle.radiusArcsec() / pixelScaleArcsec;
            double centreX = centre.get().x() - 1.0;
            double centreY = centre.get().y() - 1.0;
            int xMin = Math.max(0, (int) Math.floor(centreX - radiusPixels));
            int xMax = Math.min(side - 1, (int) Math.ceil(centreX + radiusPixels));
            int yMin = Math.max(0, (int) Math.floor(centreY - radiusPixels));
            int yMax = Math.min(side - 1, (int) Math.ceil(centreY + radiusPixels));
            for (int y = yMin; y <= yMax; y++) {
                for (int x = xMin; x <= xMax; x++) {
                    double dx = x - centreX;
                    double dy = y - centreY;
                    if (dx * dx + dy * dy <= radiusPixels * radiusPixels && !Float.isNaN(pixels[y * side + x])) {
                        pixels[y * side + x] = Float.NaN;
                        masked++;
                    }
                }
            }
        }
        return masked;
    }

    static double flux(double magnitude) {
        return Math.pow(10.0, -0.4 * (magnitude - ZERO_POINT_MAG));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, one value per call: simple and deterministic
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.10G", value);
    }
}
