package org.skysieve.images;

/**
 * The Rice decoder of the FITS tiled-image compression convention (RICE_1; White &amp; Greenfield; FITS 4.0 section
 * 10.4.1), as CFITSIO's {@code fits_rdecomp}: the first pixel stored raw, then per block of {@code blockSize} pixels a
 * code (fs) of 3, 4 or 5 bits: all differences zero (fs = -1), raw differences (fs = maximum), or Rice codes of
 * zigzag-mapped differences with fs low bits. Stateless.
 */
final class RiceDecoder {
    private RiceDecoder() {
    }

    /**
     * Decodes {@code count} pixels of {@code bytePix} bytes (1, 2 or 4) from {@code in[offset, offset + length)} into
     * {@code out} (sign-extended as FITS signed integers; BITPIX 8 is unsigned and masked by the caller).
     *
     * @throws IllegalArgumentException when the data end early (a corrupt tile)
     */
    static void decode(byte[] in, int offset, int length, int bytePix, int blockSize, int[] out, int count) {
        int fsBits;
        int fsMax;
        int bBits;
        switch (bytePix) {
            case 1 -> {
                fsBits = 3;
                fsMax = 6;
                bBits = 8;
            }
            case 2 -> {
                fsBits = 4;
                fsMax = 14;
                bBits = 16;
            }
            case 4 -> {
                fsBits = 5;
                fsMax = 25;
                bBits = 32;
            }
            default -> throw new IllegalArgumentException("Expected BYTEPIX 1, 2 or 4 for RICE_1. Actual: " + bytePix);
        }
        int end = offset + length;
        if (length < bytePix + 1) {
            throw new IllegalArgumentException("Expected at least " + (bytePix + 1) + " bytes in a RICE_1 tile. Actual: "
                    + length);
        }
        int position = offset;
        long lastPixel = 0;
        for (int i = 0; i < bytePix; i++) {
            lastPixel = (lastPixel << 8) | (in[position++] & 0xFF);
        }
        long b = in[position++] & 0xFF;
        int nBits = 8;
        int i = 0;
        while (i < count) {
            nBits -= fsBits;
            while (nBits < 0) {
                b = (b << 8) | next(in, position++, end);
                nBits += 8;
            }
            int fs = (int) (b >>> nBits) - 1;
            b &= (1L << nBits) - 1;
            int iMax = Math.min(i + blockSize, count);
            if (fs < 0) {
                for (; i < iMax; i++) {
                    out[i] = signed(lastPixel, bytePix);
                }
            } else if (fs == fsMax) {
                for (; i < iMax; i++) {
                    int k = bBits - nBits;
                    long difference = b << k;
                    for (k -= 8; k >= 0; k -= 8) {
                        b = next(in, position++, end);
                        difference |= b << k;
                    }
                    if (nBits > 0) {
                        b = next(in, position++, end);
                        difference |= b >>> -k;
                        b &= (1L << nBits) - 1;
                    } else {
                        b = 0;
                    }
                    lastPixel = wrap(undoMapping(difference & 0xFFFFFFFFL) + lastPixel, bytePix);
                    out[i] = signed(lastPixel, bytePix);
                }
            } else {
                for (; i < iMax; i++) {
                    while (b == 0) {
                        nBits += 8;
                        b = next(in, position++, end);
                    }
                    int zeros = nBits - (64 - Long.numberOfLeadingZeros(b));
                    nBits -= zeros + 1;
                    b ^= 1L << nBits;
                    nBits -= fs;
                    while (nBits < 0) {
                        b = (b << 8) | next(in, position++, end);
                        nBits += 8;
                    }
                    long difference = ((long) zeros << fs) | (b >>> nBits);
                    b &= (1L << nBits) - 1;
                    lastPixel = wrap(undoMapping(difference) + lastPixel, bytePix);
                    out[i] = signed(lastPixel, bytePix);
                }
            }
        }
    }

    private static long next(byte[] in, int position, int end) {
        if (position >= end) {
            throw new IllegalArgumentException("RICE_1 tile data end early (corrupt or truncated tile)");
        }
        return in[position] & 0xFF;
    }

    /** Zigzag mapping undone: even codes are non-negative differences, odd ones negative. */
    private static long undoMapping(long code) {
        return (code & 1) == 0 ? code >>> 1 : ~(code >>> 1);
    }

    /** The unsigned value of {@code bytePix} bytes (CFITSIO keeps the running pixel in an unsigned integer of that size). */
    private static long wrap(long value, int bytePix) {
        return value & (bytePix == 4 ? 0xFFFFFFFFL : bytePix == 2 ? 0xFFFFL : 0xFFL);
    }

    /** The pixel value wrapped to the signed integer of {@code bytePix} bytes, as CFITSIO's unsigned arithmetic does. */
    private static int signed(long value, int bytePix) {
        return switch (bytePix) {
            case 1 -> (int) (value & 0xFF);
            case 2 -> (short) value;
            default -> (int) value;
        };
    }
}
