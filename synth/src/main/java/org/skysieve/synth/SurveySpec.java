package org.skysieve.synth;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything the simulator needs to know about one survey: identity, bands, tiles, masks, noise and column names.
 *
 * @param code                  1-based number of the survey among {@link Surveys#all()}; prefixes its ids
 * @param name                  lower-case survey name (folder and ADQL schema)
 * @param title                 human title
 * @param description           what it models, for the survey descriptor
 * @param tableName             name of its catalogue table
 * @param epochYear             catalogue epoch, Julian year; positions are propagated there from 2016.0
 * @param style                 the family of extra columns
 * @param pixelScaleArcsec      image pixel scale, arcsec; NaN when the survey has no images
 * @param bands                 its bands, in column order
 * @param tiling                tile grid and depth pattern
 * @param masks                 bright-star and bad-region masks
 * @param blendRadiusArcsec     true sources closer than this merge into one row (0: no blending)
 * @param spuriousPerSquareDeg  mean rate of spurious detections
 * @param positionFloorArcsec   systematic floor of the per-axis position error, arcsec
 * @param designationPrefix     prefix of the IAU-style designation, e.g. {@code DOS}
 * @param naming                per-band column names
 * @param idColumn              the int64 primary id column
 * @param nameColumn            the designation column
 * @param flagsColumn           the quality flag column
 */
record SurveySpec(
        int code,
        String name,
        String title,
        String description,
        String tableName,
        double epochYear,
        SurveyStyle style,
        double pixelScaleArcsec,
        List<SurveyBandSpec> bands,
        TilingSpec tiling,
        MaskSpec masks,
        double blendRadiusArcsec,
        double spuriousPerSquareDeg,
        double positionFloorArcsec,
        String designationPrefix,
        ColumnNaming naming,
        String idColumn,
        String nameColumn,
        String flagsColumn) {
    SurveySpec {
        requireNonNull(name, "name is null");
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(style, "style is null");
        bands = List.copyOf(requireNonNull(bands, "bands is null"));
        requireNonNull(tiling, "tiling is null");
        requireNonNull(masks, "masks is null");
        requireNonNull(designationPrefix, "designationPrefix is null");
        requireNonNull(naming, "naming is null");
        requireNonNull(idColumn, "idColumn is null");
        requireNonNull(nameColumn, "nameColumn is null");
        requireNonNull(flagsColumn, "flagsColumn is null");
        if (bands.stream().noneMatch(SurveyBandSpec::detection)) {
            throw new IllegalArgumentException("Survey " + name + " needs at least one detection band");
        }
    }

    /** The first detection band: the reference for blending and positions. */
    int referenceBandIndex() {
        for (int b = 0; b < bands.size(); b++) {
            if (bands.get(b).detection()) {
                return b;
            }
        }
        throw new IllegalStateException("no detection band");
    }
}
