/**
 * Image plates and cutouts. {@link org.skysieve.images.SyntheticImages} draws the synthetic imaging surveys' plates;
 * {@link org.skysieve.images.PlateIndex} finds the plates of a survey band covering a position;
 * {@link org.skysieve.images.CutoutService} cuts stamps (native pixels, shifted WCS, NaN outside every plate, the rules
 * of astropy's {@code Cutout2D(mode='partial')}; see {@code CutoutMaker}). Headers are read with nom-tam-fits, pixel
 * data memory-mapped; the WCS maths is {@link org.skysieve.sky.wcs}. See docs/cutouts.md.
 */
package org.skysieve.images;
