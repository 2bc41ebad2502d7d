#!/usr/bin/env python3
"""Best match within a radius with astropy's match_to_catalog_sky, FITS in and FITS out, as a user would write it.

Keeps every column of both sides (a name on both sides gets _1 and _2, as STILTS tmatch2 and skysieve do) and adds
separation_arcsec. Shipped inside the skysieve jar and run by `skysieve bench xmatch`.

Usage: astropy-xmatch.py LEFT.fits RIGHT.fits RADIUS_ARCSEC OUT.fits
"""
import sys
import time

start = time.time()
import numpy as np
from astropy import units as u
from astropy.coordinates import SkyCoord
from astropy.table import Table, hstack

left_file, right_file, radius_arcsec, out_file = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
left = Table.read(left_file)
right = Table.read(right_file)
left_coords = SkyCoord(ra=np.asarray(left["ra"]) * u.deg, dec=np.asarray(left["dec"]) * u.deg)
right_coords = SkyCoord(ra=np.asarray(right["ra"]) * u.deg, dec=np.asarray(right["dec"]) * u.deg)
index, separation, _ = left_coords.match_to_catalog_sky(right_coords)
keep = separation.arcsec <= radius_arcsec
out = hstack([left[keep], right[index[keep]]], table_names=["1", "2"], uniq_col_name="{col_name}_{table_name}")
out["separation_arcsec"] = separation.arcsec[keep]
out.write(out_file, overwrite=True)
print(f"astropy: {keep.sum()} pairs in {time.time() - start:.2f} s", file=sys.stderr)
