"""The status look-up a Python user would write: read the coverage and mask MOCs (astropy), hash 1M positions at
order 29 (healpy, C++ inside) and find each in the MOCs' sorted ranges (numpy searchsorted). Same positions box as
StatusLookupRate: 1.5 times the coverage's extent. Usage: status_lookup_healpy.py COVERAGE.moc.fits MASKS.moc.fits [N]"""
import sys
import time

import healpy
import numpy as np
from astropy.io import fits


def ranges(path):
    with fits.open(path) as hdus:
        uniq = np.asarray(hdus[1].data["UNIQ"], dtype=np.int64)
    order = (np.floor(np.log2(uniq)).astype(np.int64) // 2) - 1
    cell = uniq - (np.int64(4) << (2 * order))
    shift = (2 * (29 - order)).astype(np.int64)
    starts = np.left_shift(cell, shift)
    ends = np.left_shift(cell + 1, shift)
    index = np.argsort(starts)
    return starts[index], ends[index]


def contains(starts, ends, hashes):
    i = np.searchsorted(starts, hashes, side="right") - 1
    return (i >= 0) & (hashes < ends[np.maximum(i, 0)])


coverage = ranges(sys.argv[1])
masks = ranges(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
lon, lat = healpy.pix2ang(2**29, np.concatenate([coverage[0], coverage[1] - 1]), nest=True, lonlat=True)
lon = np.where(lon > 180, lon - 360, lon)
pad_ra = 0.25 * (lon.max() - lon.min())
pad_dec = 0.25 * (lat.max() - lat.min())
rng = np.random.default_rng(1)
ra = np.mod(rng.uniform(lon.min() - pad_ra, lon.max() + pad_ra, n), 360)
dec = np.clip(rng.uniform(lat.min() - pad_dec, lat.max() + pad_dec, n), -90, 90)
best = 1e9
for _ in range(5):
    start = time.perf_counter()
    hashes = healpy.ang2pix(2**29, ra, dec, nest=True, lonlat=True)
    observed = contains(*coverage, hashes)
    masked = observed & contains(*masks, hashes)
    best = min(best, time.perf_counter() - start)
print(f"healpy + numpy status: {n:,} positions ({100 * observed.mean():.0f}% observed) in {best:.3f} s ({1e9 * best / n:.0f} ns/position)")
