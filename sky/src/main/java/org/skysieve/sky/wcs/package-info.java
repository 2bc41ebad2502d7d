/**
 * FITS world coordinate systems for celestial images: {@link org.skysieve.sky.wcs.CelestialWcs} (pixel to sky and
 * back), built by {@link org.skysieve.sky.wcs.WcsHeaderParser} from header cards (a keyword to value map, read by
 * {@link org.skysieve.sky.wcs.FitsHeaderCards} from card text or by any FITS library). Projections TAN, SIN, ARC, ZEA,
 * CAR, SFL, AIT (Calabretta &amp; Greisen 2002) without PV projection parameters; SIP distortions of pixel offsets and TPV
 * polynomials of the intermediate coordinates (their inverses by Newton's method); other distortion conventions are
 * refused with a message naming the keyword. Checked against WCSLIB (through astropy) in the tests.
 */
package org.skysieve.sky.wcs;
