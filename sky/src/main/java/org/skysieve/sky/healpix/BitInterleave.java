package org.skysieve.sky.healpix;

/**
 * Interleaving of the two 29-bit face coordinates into the NESTED index (x in the even bits, y in the odd bits),
 * as in Reinecke & Hivon's HEALPix C++ ({@code xyf2nest}), done here with the classic "magic number" bit spreading
 * (five shift-and-mask steps, no table, no branch).
 *
 * <p>Static pure functions: thread-safe.
 */
final class BitInterleave {
    private BitInterleave() {
    }

    /** Spreads the low 32 bits of {@code value} into the even bits of the result (bit i goes to bit 2i). */
    static long spread(long value) {
        long v = value & 0xFFFF_FFFFL;
        v = (v | (v << 16)) & 0x0000_FFFF_0000_FFFFL;
        v = (v | (v << 8)) & 0x00FF_00FF_00FF_00FFL;
        v = (v | (v << 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
        v = (v | (v << 2)) & 0x3333_3333_3333_3333L;
        v = (v | (v << 1)) & 0x5555_5555_5555_5555L;
        return v;
    }

    /** Gathers the even bits of {@code value} into the low 32 bits of the result: the inverse of {@link #spread}. */
    static long compact(long value) {
        long v = value & 0x5555_5555_5555_5555L;
        v = (v | (v >>> 1)) & 0x3333_3333_3333_3333L;
        v = (v | (v >>> 2)) & 0x0F0F_0F0F_0F0F_0F0FL;
        v = (v | (v >>> 4)) & 0x00FF_00FF_00FF_00FFL;
        v = (v | (v >>> 8)) & 0x0000_FFFF_0000_FFFFL;
        v = (v | (v >>> 16)) & 0x0000_0000_FFFF_FFFFL;
        return v;
    }

    /** The in-face NESTED index of face coordinates (x, y): x in the even bits, y in the odd bits. */
    static long interleave(long x, long y) {
        return spread(x) | (spread(y) << 1);
    }

    /** The x face coordinate of an in-face NESTED index. */
    static int x(long inFaceIndex) {
        return (int) compact(inFaceIndex);
    }

    /** The y face coordinate of an in-face NESTED index. */
    static int y(long inFaceIndex) {
        return (int) compact(inFaceIndex >>> 1);
    }
}
