package org.skysieve.sky.healpix;

import java.util.Arrays;

/**
 * Neighbours of a NESTED cell, found in face coordinates: a step of (-1, 0, +1) in x and y, and when the step leaves
 * the base cell, a hop into the adjacent base cell with the coordinate change that glues the two faces together.
 *
 * <p>Equatorial gluing keeps the axes (the faces are side by side in the HEALPix projection plane); two polar faces of
 * the same cap are glued along a meridian, which turns the axes by a quarter or half turn about the pole. Where only
 * three base cells meet (east/west vertices of polar faces, north/south vertices of equatorial ones) the diagonal
 * neighbour does not exist. Same geometry as Reinecke &amp; Hivon's {@code neighbors()} tables, derived anew here.
 *
 * <p>Static pure functions: thread-safe; callers validate.
 */
final class HealpixNeighbours {
    private static final int MISSING = -1;
    private static final int ALIGNED = 0;
    private static final int NORTH_EAST_TURN = 1;
    private static final int NORTH_WEST_TURN = 2;
    private static final int NORTH_POLE_TURN = 3;
    private static final int SOUTH_EAST_TURN = 4;
    private static final int SOUTH_WEST_TURN = 5;
    private static final int SOUTH_POLE_TURN = 6;

    /** [face][(stepX + 1) * 3 + (stepY + 1)]: the base cell reached, or MISSING. */
    private static final int[][] NEIGHBOUR_FACE = new int[12][9];
    /** [face][(stepX + 1) * 3 + (stepY + 1)]: how the coordinates change on the way. */
    private static final int[][] GLUING = new int[12][9];

    static {
        for (int quadrant = 0; quadrant < 4; quadrant++) {
            int next = (quadrant + 1) % 4;
            int opposite = (quadrant + 2) % 4;
            int previous = (quadrant + 3) % 4;
            int north = quadrant;
            set(north, 1, 0, next, NORTH_EAST_TURN);
            set(north, 0, 1, previous, NORTH_WEST_TURN);
            set(north, 1, 1, opposite, NORTH_POLE_TURN);
            set(north, 0, -1, 4 + next, ALIGNED);
            set(north, -1, 0, 4 + quadrant, ALIGNED);
            set(north, -1, -1, 8 + quadrant, ALIGNED);
            set(north, 1, -1, MISSING, ALIGNED);
            set(north, -1, 1, MISSING, ALIGNED);
            int equatorial = 4 + quadrant;
            set(equatorial, 1, 0, quadrant, ALIGNED);
            set(equatorial, 0, 1, previous, ALIGNED);
            set(equatorial, 0, -1, 8 + quadrant, ALIGNED);
            set(equatorial, -1, 0, 8 + previous, ALIGNED);
            set(equatorial, 1, -1, 4 + next, ALIGNED);
            set(equatorial, -1, 1, 4 + previous, ALIGNED);
            set(equatorial, 1, 1, MISSING, ALIGNED);
            set(equatorial, -1, -1, MISSING, ALIGNED);
            int south = 8 + quadrant;
            set(south, 1, 0, 4 + next, ALIGNED);
            set(south, 0, 1, 4 + quadrant, ALIGNED);
            set(south, 1, 1, quadrant, ALIGNED);
            set(south, 0, -1, 8 + next, SOUTH_EAST_TURN);
            set(south, -1, 0, 8 + previous, SOUTH_WEST_TURN);
            set(south, -1, -1, 8 + opposite, SOUTH_POLE_TURN);
            set(south, 1, -1, MISSING, ALIGNED);
            set(south, -1, 1, MISSING, ALIGNED);
        }
        for (int face = 0; face < 12; face++) {
            set(face, 0, 0, face, ALIGNED);
        }
    }

    private HealpixNeighbours() {
    }

    private static void set(int face, int stepX, int stepY, int neighbourFace, int gluing) {
        NEIGHBOUR_FACE[face][(stepX + 1) * 3 + (stepY + 1)] = neighbourFace;
        GLUING[face][(stepX + 1) * 3 + (stepY + 1)] = gluing;
    }

    /** The 7 or 8 neighbours, sorted ascending and distinct. */
    static long[] neighbours(int depth, long hash) {
        long nside = 1L << depth;
        int face = HealpixNested.face(depth, hash);
        long inFace = HealpixNested.inFaceIndex(depth, hash);
        long x = BitInterleave.x(inFace);
        long y = BitInterleave.y(inFace);
        long[] result = new long[8];
        int count = 0;
        for (int stepX = -1; stepX <= 1; stepX++) {
            for (int stepY = -1; stepY <= 1; stepY++) {
                if (stepX == 0 && stepY == 0) {
                    continue;
                }
                long neighbour = neighbour(depth, nside, face, x + stepX, y + stepY);
                if (neighbour != MISSING) {
                    result[count++] = neighbour;
                }
            }
        }
        long[] found = Arrays.copyOf(result, count);
        Arrays.sort(found);
        return found;
    }

    /** The cell at face coordinates (x, y) of {@code face}, which may lie one step outside the face; or MISSING. */
    private static long neighbour(int depth, long nside, int face, long x, long y) {
        int outX = x < 0 ? -1 : (x >= nside ? 1 : 0);
        int outY = y < 0 ? -1 : (y >= nside ? 1 : 0);
        int slot = (outX + 1) * 3 + (outY + 1);
        int targetFace = NEIGHBOUR_FACE[face][slot];
        if (targetFace == MISSING) {
            return MISSING;
        }
        long last = 2 * nside - 1;
        long targetX;
        long targetY;
        switch (GLUING[face][slot]) {
            case ALIGNED -> {
                targetX = x - outX * nside;
                targetY = y - outY * nside;
            }
            case NORTH_EAST_TURN -> {
                targetX = y;
                targetY = last - x;
            }
            case NORTH_WEST_TURN -> {
                targetX = last - y;
                targetY = x;
            }
            case NORTH_POLE_TURN -> {
                targetX = last - x;
                targetY = last - y;
            }
            case SOUTH_EAST_TURN -> {
                targetX = -1 - y;
                targetY = x;
            }
            case SOUTH_WEST_TURN -> {
                targetX = y;
                targetY = -1 - x;
            }
            case SOUTH_POLE_TURN -> {
                targetX = -1 - x;
                targetY = -1 - y;
            }
            default -> throw new IllegalStateException("Unknown gluing " + GLUING[face][slot]);
        }
        return ((long) targetFace << (2 * depth)) | BitInterleave.interleave(targetX, targetY);
    }
}
