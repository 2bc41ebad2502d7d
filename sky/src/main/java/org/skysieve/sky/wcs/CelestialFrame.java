package org.skysieve.sky.wcs;

/**
 * The celestial reference frame of a WCS: from the axis types (GLON/ELON) and RADESYS, with the FITS defaults when
 * RADESYS is absent (ICRS without EQUINOX, FK4 before 1984, FK5 otherwise; FITS 4.0 section 8.1). No frame conversion
 * is done: coordinates are given and taken in this frame.
 */
public enum CelestialFrame {
    ICRS, FK5, FK4, GALACTIC, ECLIPTIC;
}
