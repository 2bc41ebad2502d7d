package org.skysieve.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * What a survey observed, written as {@code <out>/<survey>/footprint/footprint.json}: its tiles (centre, size, pixel
 * scale, bands with their tile depth), its mask circles and the depth model (see {@link Footprint}), enough to
 * rebuild coverage and mask MOCs, depth maps and per-band image tiles with a TAN WCS.
 *
 * @param survey           survey name
 * @param epochYear        catalogue epoch (mask centres are at this epoch)
 * @param pixelScaleArcsec image pixel scale; null when the survey has no images
 * @param tileSizeDeg      side of every tile, degrees
 * @param tiles            the tiles
 * @param masks            the mask circles (every band is masked inside them)
 * @param depth            the limiting-magnitude model
 */
public record FootprintDescription(
        String survey,
        double epochYear,
        Double pixelScaleArcsec,
        double tileSizeDeg,
        List<TileDescription> tiles,
        List<MaskCircle> masks,
        DepthModel depth) {

    public FootprintDescription {
        tiles = List.copyOf(tiles);
        masks = List.copyOf(masks);
    }

    /** A tile and the bands observed on it. */
    public record TileDescription(String id, double raCentreDeg, double decCentreDeg, double sizeDeg, List<BandDepth> bands) {
        public TileDescription {
            bands = List.copyOf(bands);
        }
    }

    /** A band and its 5-sigma point-source limiting magnitude (AB) before the smooth and edge terms. */
    public record BandDepth(String band, double depthMag) {
    }

    /**
     * {@code limit = tile depth + amplitude sin(2 pi x / waveRa + phaseRa) cos(2 pi dec / waveDec + phaseDec)
     * - edgePenalty (within edgeFraction * tileSize of the tile edge)}, with x the RA offset from RA 0 (in
     * [-180, 180)) times cos(dec), degrees.
     */
    public record DepthModel(List<BandDepth> medianDepths, double amplitudeMag, double waveRaDeg, double waveDecDeg,
                             double phaseRaRad, double phaseDecRad, double edgeFraction, double edgePenaltyMag) {
        public DepthModel {
            medianDepths = List.copyOf(medianDepths);
        }
    }

    static FootprintDescription of(SurveySpec survey, Footprint footprint, MaskIndex masks) {
        List<TileDescription> tiles = new ArrayList<>();
        for (Tile tile : footprint.tiles()) {
            List<BandDepth> bands = new ArrayList<>();
            for (int b = 0; b < survey.bands().size(); b++) {
                if (tile.covers(b)) {
                    bands.add(new BandDepth(survey.bands().get(b).name(), survey.bands().get(b).medianDepthMag() + tile.depthOffsetMag(b)));
                }
            }
            tiles.add(new TileDescription(tile.id(), tile.raCentreDeg(), tile.decCentreDeg(), tile.sizeDeg(), bands));
        }
        Double pixelScale = Double.isNaN(survey.pixelScaleArcsec()) ? null : survey.pixelScaleArcsec();
        return new FootprintDescription(survey.name(), survey.epochYear(), pixelScale, footprint.tiling().tileSizeDeg(),
                tiles, masks.circles(), footprint.depthModel());
    }
}
