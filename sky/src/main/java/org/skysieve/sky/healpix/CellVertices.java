package org.skysieve.sky.healpix;

import static java.util.Objects.requireNonNull;

import org.skysieve.sky.LonLat;

/**
 * The four vertices of a HEALPix cell, named by their direction from the cell centre in the HEALPix projection
 * (a cell is a diamond there). A vertex at a pole has an arbitrary longitude. Immutable, thread-safe.
 */
public record CellVertices(LonLat south, LonLat east, LonLat north, LonLat west) {
    /** Requires all four vertices. */
    public CellVertices {
        requireNonNull(south, "south is null");
        requireNonNull(east, "east is null");
        requireNonNull(north, "north is null");
        requireNonNull(west, "west is null");
    }
}
