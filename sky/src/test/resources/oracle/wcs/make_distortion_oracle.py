#!/usr/bin/env python3
"""Pixel <-> sky answers of astropy/WCSLIB for SIP and TPV distortions, for DistortionOracleTest.

Headers: the three real ones in ../shared/data (irac_sip.hdr and tpvonly.hdr from wcs/headers/misc, sip_header_only.fits
from fits/images), read from there, and synthetic ones written beside this script (SIP of order 4 without AP/BP, SIP with
axes swapped in the pixel grid and a PC+CDELT matrix, TPV of degree 7 with the r terms, TPV in galactic coordinates).

For each header, a seeded set of pixels across the image and a little beyond (1-based): all_pix2world (distortion
included) and the all_world2pix of that world position (astropy iterates to tolerance 1e-12 px).

Usage (Debian python3-astropy), from the repository root:
    /usr/bin/python3 sky/src/test/resources/oracle/wcs/make_distortion_oracle.py ../shared/data \
        sky/src/test/resources/oracle/wcs
"""
import sys
import warnings
from pathlib import Path

import numpy as np
import astropy
from astropy.io import fits
from astropy.wcs import WCS, _wcs

warnings.simplefilter("ignore")

shared = Path(sys.argv[1])
out = Path(sys.argv[2])


def card_text(header):
    return "".join(card.image for card in header.cards) + "END".ljust(80)


def synthetic_headers():
    headers = {}
    h = fits.Header()
    h["NAXIS"] = 2
    h["NAXIS1"] = 2000
    h["NAXIS2"] = 1500
    h["CTYPE1"] = "RA---TAN-SIP"
    h["CTYPE2"] = "DEC--TAN-SIP"
    h["CRVAL1"] = 359.8
    h["CRVAL2"] = -12.5
    h["CRPIX1"] = 1010.5
    h["CRPIX2"] = 740.25
    h["CD1_1"] = -5.1e-5
    h["CD1_2"] = 3.0e-6
    h["CD2_1"] = 2.5e-6
    h["CD2_2"] = 5.05e-5
    h["RADESYS"] = "ICRS"
    h["A_ORDER"] = 4
    h["B_ORDER"] = 4
    coefficients = {"A_2_0": 2.1e-6, "A_1_1": -3.3e-6, "A_0_2": 1.2e-6, "A_3_0": 4.0e-10, "A_2_1": -2.0e-10,
                    "A_1_2": 1.5e-10, "A_0_3": -6.0e-11, "A_4_0": 3.0e-14, "A_2_2": -2.0e-14, "A_0_4": 1.0e-14,
                    "B_2_0": -1.1e-6, "B_1_1": 2.7e-6, "B_0_2": 3.1e-6, "B_3_0": 1.0e-10, "B_1_2": -3.0e-10,
                    "B_0_3": 2.0e-10, "B_2_1": 5.0e-11, "B_4_0": -1.0e-14, "B_3_1": 2.0e-14, "B_0_4": 4.0e-14}
    for key, value in coefficients.items():
        h[key] = value
    headers["sip_order4_no_reverse.hdr"] = h

    h = fits.Header()
    h["NAXIS"] = 2
    h["NAXIS1"] = 512
    h["NAXIS2"] = 1024
    h["CTYPE1"] = "RA---TAN-SIP"
    h["CTYPE2"] = "DEC--TAN-SIP"
    h["CRVAL1"] = 150.1
    h["CRVAL2"] = 2.2
    h["CRPIX1"] = 256.0
    h["CRPIX2"] = 512.0
    h["CDELT1"] = -1.0e-4
    h["CDELT2"] = 1.0e-4
    h["PC1_1"] = 0.8660254
    h["PC1_2"] = -0.5
    h["PC2_1"] = 0.5
    h["PC2_2"] = 0.8660254
    h["RADESYS"] = "FK5"
    h["EQUINOX"] = 2000.0
    h["A_ORDER"] = 3
    h["B_ORDER"] = 3
    for key, value in {"A_2_0": 5.0e-6, "A_0_2": -4.0e-6, "A_1_1": 1.0e-6, "A_3_0": 1.0e-9, "A_1_2": 2.0e-9,
                       "B_2_0": -2.0e-6, "B_0_2": 6.0e-6, "B_1_1": -1.5e-6, "B_0_3": -1.0e-9,
                       "B_2_1": 3.0e-9}.items():
        h[key] = value
    # Approximate reverse polynomials, as survey pipelines write them (a first guess for the inverse only).
    h["AP_ORDER"] = 3
    h["BP_ORDER"] = 3
    for key, value in {"AP_2_0": -5.0e-6, "AP_0_2": 4.0e-6, "AP_1_1": -1.0e-6,
                       "BP_2_0": 2.0e-6, "BP_0_2": -6.0e-6, "BP_1_1": 1.5e-6}.items():
        h[key] = value
    headers["sip_pc_cdelt_reverse.hdr"] = h

    h = fits.Header()
    h["NAXIS"] = 2
    h["NAXIS1"] = 4000
    h["NAXIS2"] = 4000
    h["CTYPE1"] = "RA---TPV"
    h["CTYPE2"] = "DEC--TPV"
    h["CRVAL1"] = 0.3
    h["CRVAL2"] = -30.0
    h["CRPIX1"] = 2000.5
    h["CRPIX2"] = 1990.0
    h["CD1_1"] = -7.3e-5
    h["CD1_2"] = 1.0e-7
    h["CD2_1"] = -2.0e-7
    h["CD2_2"] = 7.3e-5
    h["RADESYS"] = "ICRS"
    rng = np.random.default_rng(6)
    scale = {0: 1e-6, 1: 1e-3, 2: 1e-3, 3: 1e-3}
    for axis in (1, 2):
        for k in range(40):
            if k == 1:
                value = 1.0 + rng.normal(0, 1e-4)
            else:
                degree = 0 if k == 0 else 1 if k <= 3 else 2 if k <= 6 else 3 if k <= 11 else 4 if k <= 16 \
                    else 5 if k <= 23 else 6 if k <= 30 else 7
                value = rng.normal(0, scale.get(degree, 1e-2) / (1 + degree))
            h[f"PV{axis}_{k}"] = value
    headers["tpv_degree7_with_r.hdr"] = h

    h = fits.Header()
    h["NAXIS"] = 2
    h["NAXIS1"] = 1000
    h["NAXIS2"] = 1000
    h["CTYPE1"] = "GLON-TPV"
    h["CTYPE2"] = "GLAT-TPV"
    h["CRVAL1"] = 0.1
    h["CRVAL2"] = 0.5
    h["CRPIX1"] = 500.0
    h["CRPIX2"] = 500.0
    h["CD1_1"] = -2.0e-4
    h["CD2_2"] = 2.0e-4
    for key, value in {"PV1_0": 1.0e-5, "PV1_1": 1.0, "PV1_4": 0.01, "PV1_5": -0.02, "PV1_7": 0.05, "PV1_11": 0.03,
                       "PV2_0": -2.0e-5, "PV2_1": 1.0, "PV2_2": 0.001, "PV2_6": 0.015, "PV2_10": -0.04,
                       "PV2_3": 0.002}.items():
        h[key] = value
    headers["tpv_galactic.hdr"] = h
    return headers


def read_cards(path):
    if path.suffix == ".fits":
        return fits.getheader(path)
    return fits.Header.fromstring(path.read_text(encoding="ascii"))


files = {"irac_sip.hdr": ("shared", shared / "wcs/headers/misc/irac_sip.hdr"),
         "tpvonly.hdr": ("shared", shared / "wcs/headers/misc/tpvonly.hdr"),
         "sip_header_only.fits": ("shared", shared / "fits/images/sip_header_only.fits")}
for name, header in synthetic_headers().items():
    (out / name).write_text(card_text(header), encoding="ascii")
    files[name] = ("local", out / name)

rng = np.random.default_rng(20261124)
lines = [f"# astropy {astropy.__version__} (WCSLIB {_wcs.__version__}); pixels FITS 1-based; world degrees;"
         " all_pix2world then all_world2pix(tolerance=1e-12) of that world",
         "file,source,x,y,lon_deg,lat_deg,back_x,back_y"]
for name, (source, path) in files.items():
    header = read_cards(path)
    wcs = WCS(header)
    width = header.get("NAXIS1") or header.get("IMAGEW") or 100
    height = header.get("NAXIS2") or header.get("IMAGEH") or 100
    pixels = [(1.0, 1.0), (width, height), (1.0, height), (width, 1.0), ((width + 1) / 2, (height + 1) / 2)]
    pixels += [(float(x), float(y)) for x, y in zip(rng.uniform(-0.1 * width, 1.1 * width, 40),
                                                     rng.uniform(-0.1 * height, 1.1 * height, 40))]
    pixel_array = np.array(pixels)
    world = wcs.all_pix2world(pixel_array, 1)
    back = wcs.all_world2pix(world, 1, tolerance=1e-12, maxiter=100)
    for (x, y), (lon, lat), (bx, by) in zip(pixel_array, world, back):
        lines.append(f"{name},{source},{x!r},{y!r},{lon!r},{lat!r},{bx!r},{by!r}")
(out / "distortion_expected.csv").write_text("\n".join(lines) + "\n", encoding="ascii")
print(len(lines) - 2, "rows")
