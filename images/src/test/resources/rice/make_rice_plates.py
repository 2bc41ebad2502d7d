#!/usr/bin/env python3
"""Tile-compressed (RICE_1) test plates and their decompression by astropy, for CompressedPlateTest.

Writes, beside this script (Debian python3-astropy, numpy; seeded, deterministic):
  float_rice.fits      300 x 200 float32 TAN plate: noise and a few Gaussian sources; RICE_1 in
                       64 x 48 tiles (partial tiles on the right and top edges), SUBTRACTIVE_DITHER_1, quantize level 16
  float_astropy.fits   the same plate as astropy decompresses it, written uncompressed (BITPIX -32): the oracle
  int16_rice.fits      300 x 200 int16 plate with BLANK pixels, RICE_1 row tiles (lossless)
  int16.fits           the same, uncompressed

Usage, from the repository root:
    /usr/bin/python3 images/src/test/resources/rice/make_rice_plates.py images/src/test/resources/rice
"""
import sys
import warnings
from pathlib import Path

import numpy as np
from astropy.io import fits

warnings.simplefilter("ignore")
out = Path(sys.argv[1])
rng = np.random.default_rng(6)

header = fits.Header()
header["CTYPE1"] = "RA---TAN"
header["CTYPE2"] = "DEC--TAN"
header["CRVAL1"] = 150.0
header["CRVAL2"] = 2.0
header["CRPIX1"] = 150.5
header["CRPIX2"] = 100.5
header["CD1_1"] = -0.2 / 3600
header["CD2_2"] = 0.2 / 3600
header["RADESYS"] = "ICRS"

height, width = 200, 300
y, x = np.mgrid[0:height, 0:width]
image = rng.normal(100.0, 5.0, (height, width))
for cx, cy, flux, sigma in [(40, 30, 5000, 2.0), (150, 100, 20000, 3.0), (280, 190, 8000, 1.5), (10, 150, 3000, 2.5)]:
    image += flux / (2 * np.pi * sigma**2) * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * sigma**2))
image = image.astype(np.float32)
# No NaN here: astropy 5.2.1 writes no ZBLANK for NaN pixels of a quantized float image and decodes them as -7.4e8.
# NaN (blank) pixels are tested on plates compressed by nom-tam-fits instead.

compressed = fits.CompImageHDU(image, header, compression_type="RICE_1", tile_size=(64, 48),
                               quantize_level=16.0, quantize_method=1, dither_seed=1234)
fits.HDUList([fits.PrimaryHDU(), compressed]).writeto(out / "float_rice.fits", overwrite=True)
with fits.open(out / "float_rice.fits") as hdus:
    decompressed = np.array(hdus[1].data, dtype=np.float32)
    fits.PrimaryHDU(decompressed, hdus[1].header).writeto(out / "float_astropy.fits", overwrite=True)

integers = (rng.poisson(400, (height, width)) - 200).astype(np.int16)
integers[50:60, 10:20] = -32768
header16 = header.copy()
header16["BLANK"] = -32768
fits.HDUList([fits.PrimaryHDU(), fits.CompImageHDU(integers, header16, compression_type="RICE_1")]).writeto(
    out / "int16_rice.fits", overwrite=True)
fits.PrimaryHDU(integers, header16).writeto(out / "int16.fits", overwrite=True)
